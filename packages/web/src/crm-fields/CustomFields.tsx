import { Checkbox, Input, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useId } from 'react';
import { ApiError } from '../api/client.ts';
import type { CrmFieldValue, FieldDefinition } from '../api/crm-fields.ts';
import type { FileHolder } from '../api/item-files.ts';
import { UserSelect } from '../crm/UserSelect.tsx';
import { numberValue, requiredAt, withValue } from './field-values.ts';
import { ItemFileInput } from './ItemFileInput.tsx';

export interface CustomFieldsProps {
  /** The company's fields of the item's kind, in order (`useFields(entity)`), or a list's. */
  definitions: readonly FieldDefinition[];
  /** The item's `fields`; keys no definition names are handed back untouched. */
  values: Readonly<Record<string, CrmFieldValue>>;
  onChange: (values: Record<string, CrmFieldValue>) => void;
  /** The server's refusal of the last save: a 422 `INVALID_FIELDS` names each field at `body.fields.<key>`. */
  error?: unknown;
  /** Where the refusal names the fields: `body.fields` (an item's), `body.values` (a list record's). */
  errorPath?: string;
  /**
   * A deal's or lead's stage (or the one it is being moved to): fields required there get an asterisk.
   * Contacts and companies have none: only the fields always required get one.
   */
  stageId?: string;
  /** The stored item the values are of, whose files name its file fields' values; none for a new one. */
  holder?: FileHolder | undefined;
}

/**
 * The company's own fields of an item — a deal, lead, contact, company or list record — one input per
 * field by its type, those required (always, or at `stageId`) marked, the server's messages at their inputs. Emptying
 * an input stores `null`.
 *
 * @example
 * <CustomFields definitions={useFields('lead').data?.items ?? []} values={draft.fields}
 *   onChange={(fields) => set({ fields })} stageId={draft.stageId} error={props.error}
 *   holder={{ kind: 'lead', id: lead.id }} />
 */
export function CustomFields(props: CustomFieldsProps) {
  if (props.definitions.length === 0) return null;
  const errors =
    props.error instanceof ApiError ? props.error.fieldErrors(props.errorPath ?? 'body.fields') : {};
  return (
    <Stack gap="sm">
      {props.definitions.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={props.values[field.key] ?? null}
          required={requiredAt(field, props.stageId)}
          error={errors[field.key]}
          holder={props.holder}
          onChange={(value) => props.onChange(withValue(props.values, field.key, value))}
        />
      ))}
    </Stack>
  );
}

export interface FieldInputProps {
  field: FieldDefinition;
  value: CrmFieldValue;
  required: boolean;
  error: string | undefined;
  holder: FileHolder | undefined;
  onChange: (value: CrmFieldValue) => void;
}

const text = (value: CrmFieldValue) =>
  typeof value === 'string' ? value : value === null ? '' : String(value);

const INPUTS: Record<FieldDefinition['type'], (props: FieldInputProps) => React.JSX.Element> = {
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
  user: ({ field, value, required, error, onChange }) => (
    <UserSelect
      label={field.label}
      withAsterisk={required}
      value={text(value) || null}
      onChange={onChange}
      error={error}
      whenNone=""
    />
  ),
  file: (props) => <ItemFileInput {...props} />,
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
