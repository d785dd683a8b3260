import type { Field } from '@baton/engine';
import { NumberInput, Select, Switch, TextInput } from '@mantine/core';

/**
 * One value a tester gives in a test run (a start parameter, a task's form field, a service's output), with
 * the input its declared type calls for.
 */
export function RunFieldInput({
  field,
  value,
  onChange,
  testId = `run-param-${field.id}`,
}: {
  field: Field;
  value: unknown;
  onChange: (v: unknown) => void;
  testId?: string;
}) {
  const label = field.name ?? field.id;
  const common = {
    label,
    required: field.required === true,
    size: 'xs' as const,
    'data-testid': testId,
  };
  if (field.type === 'boolean')
    return (
      <Switch
        label={label}
        size="xs"
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
        data-testid={testId}
      />
    );
  if (field.type === 'number' || field.type === 'money')
    return (
      <NumberInput
        {...common}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(v === '' ? undefined : Number(v))}
      />
    );
  if (field.type === 'select' && field.options)
    return (
      <Select
        {...common}
        data={field.options.map((o) => ({ value: o.value, label: o.label ?? o.value }))}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
      />
    );
  return (
    <TextInput
      {...common}
      type={field.type === 'date' ? 'date' : field.type === 'datetime' ? 'datetime-local' : 'text'}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
    />
  );
}

/** The values a tester set: unset (undefined) ones are left out, as the engine expects. */
export const setValues = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
