import type { Field } from '@baton/engine';
import { Stack } from '@mantine/core';
import { FieldInput } from './FieldInput.tsx';
import type { Values } from './values.ts';

/** A column of field inputs with each field's error next to it. */
export function FieldsForm(props: {
  fields: readonly Field[];
  values: Values;
  errors: Record<string, string>;
  onChange: (id: string, value: unknown) => void;
}) {
  return (
    <Stack gap="sm">
      {props.fields.map((field) => (
        <FieldInput
          key={field.id}
          field={field}
          value={props.values[field.id]}
          error={props.errors[field.id]}
          onChange={(value) => props.onChange(field.id, value)}
        />
      ))}
    </Stack>
  );
}
