import { Checkbox, Input, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { DealField, DealFieldValue } from '../api/crm-deal-fields.ts';
import { numberValue, requiredAt, withValue } from './field-values.ts';

export interface DealCustomFieldsProps {
  /** The company's deal fields in order (`useDealFields`). */
  definitions: readonly DealField[];
  /** The deal's `fields`; keys no definition names are handed back untouched. */
  values: Readonly<Record<string, DealFieldValue>>;
  onChange: (values: Record<string, DealFieldValue>) => void;
  /**
   * The server's messages by key — a 422 `INVALID_FIELDS` names each at `body.fields.<key>`:
   * `error instanceof ApiError ? error.fieldErrors('body.fields') : {}`.
   */
  errors?: Readonly<Record<string, string>>;
  /** The stage the deal is at (or is being moved to): fields required there get an asterisk. */
  stageId: string;
}

/**
 * The company's own fields of a deal, one input per field by its type, those required (always, or at
 * `stageId`) marked. Emptying an input stores `null`.
 *
 * @example
 * <DealCustomFields definitions={useDealFields().data?.items ?? []} values={draft.fields}
 *   onChange={(fields) => setDraft({ ...draft, fields })} stageId={draft.stageId}
 *   errors={saveError instanceof ApiError ? saveError.fieldErrors('body.fields') : {}} />
 */
export function DealCustomFields(props: DealCustomFieldsProps) {
  if (props.definitions.length === 0) return null;
  return (
    <Stack gap="sm">
      {props.definitions.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={props.values[field.key] ?? null}
          required={requiredAt(field, props.stageId)}
          error={props.errors?.[field.key]}
          onChange={(value) => props.onChange(withValue(props.values, field.key, value))}
        />
      ))}
    </Stack>
  );
}

interface FieldInputProps {
  field: DealField;
  value: DealFieldValue;
  required: boolean;
  error: string | undefined;
  onChange: (value: DealFieldValue) => void;
}

const text = (value: DealFieldValue) =>
  typeof value === 'string' ? value : value === null ? '' : String(value);

const INPUTS: Record<DealField['type'], (props: FieldInputProps) => React.JSX.Element> = {
  string: ({ field, value, required, error, onChange }) => (
    <TextInput
      label={field.label}
      withAsterisk={required}
      value={text(value)}
      onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
      error={error}
    />
  ),
  number: ({ field, value, required, error, onChange }) => (
    <NumberInput
      label={field.label}
      withAsterisk={required}
      value={typeof value === 'number' ? value : text(value)}
      onChange={(n) => onChange(numberValue(n))}
      error={error}
      hideControls
    />
  ),
  date: ({ field, value, required, error, onChange }) => (
    <TextInput
      type="date"
      label={field.label}
      withAsterisk={required}
      value={text(value)}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      error={error}
    />
  ),
  select: ({ field, value, required, error, onChange }) => {
    const current = text(value);
    // A value whose option was removed since still shows, so saving does not drop it unseen.
    const options = current && !field.options.includes(current) ? [...field.options, current] : field.options;
    return (
      <Select
        label={field.label}
        withAsterisk={required}
        data={options}
        value={current || null}
        onChange={(v) => onChange(v)}
        clearable
        error={error}
      />
    );
  },
  boolean: (props) => <BooleanInput {...props} />,
};

function FieldInput(props: FieldInputProps) {
  return INPUTS[props.field.type](props);
}

/** Yes, no, or not given yet (a dash, "mixed" to a screen reader): a click ticks it, the next unticks it. */
function BooleanInput({ field, value, required, error, onChange }: FieldInputProps) {
  const id = useId();
  return (
    <Input.Wrapper id={id} label={field.label} withAsterisk={required} error={error}>
      <Checkbox
        id={id}
        mt={4}
        checked={value === true}
        indeterminate={value === null}
        onChange={(e) => onChange(e.currentTarget.checked)}
        error={error ? true : undefined}
      />
    </Input.Wrapper>
  );
}
