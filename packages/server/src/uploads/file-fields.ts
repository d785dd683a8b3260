import type { Field } from '@baton/engine';
import type { PlainField } from '../crm/field-definitions.ts';

/** The names of a process's `file` fields (its parameters, variables, a task's form). */
export const fileFieldsOf = (fields: readonly Field[]): string[] =>
  fields.filter((f) => f.type === 'file').map((f) => f.id);

/** The keys of an item's `file` fields (a CRM item's, a list record's). */
export const itemFileFields = (fields: readonly PlainField[]): string[] =>
  fields.filter((f) => f.type === 'file').map((f) => f.key);
