import { ApiError } from '../api/client.ts';
import type { CrmField, CrmFieldInput, CrmFieldType, FieldDefinition } from '../api/crm-fields.ts';

export const FIELD_TYPES: readonly CrmFieldType[] = [
  'string',
  'number',
  'boolean',
  'date',
  'select',
  'user',
  'file',
];

/** What the field dialog edits; `keyEdited`: the user typed the key, so the label no longer suggests it. */
export interface FieldDraft {
  label: string;
  key: string;
  keyEdited: boolean;
  type: CrmFieldType;
  options: string[];
  required: boolean;
  requiredAtStages: string[];
}

export const newFieldDraft = (): FieldDraft => ({
  label: '',
  key: '',
  keyEdited: false,
  type: 'string',
  options: [],
  required: false,
  requiredAtStages: [],
});

/** A stored field as a draft; its key stays as it is whatever the label becomes. */
export const draftOfField = (field: FieldDefinition): FieldDraft => ({
  key: field.key,
  label: field.label,
  type: field.type,
  options: [...field.options],
  required: field.required,
  requiredAtStages: [...(field.requiredAtStages ?? [])],
  keyEdited: true,
});

/** The draft as the server takes it; only a list keeps its options. */
export function fieldOfDraft(draft: FieldDraft): CrmFieldInput {
  return {
    key: draft.key.trim(),
    label: draft.label.trim(),
    type: draft.type,
    options: draft.type === 'select' ? draft.options : [],
    required: draft.required,
    requiredAtStages: draft.requiredAtStages,
  };
}

/** The stored list as PUT takes it back. */
export const inputsOf = (fields: readonly CrmField[]): CrmFieldInput[] =>
  fields.map(({ key, label, type, options, required, requiredAtStages }) => ({
    key,
    label,
    type,
    options,
    required,
    requiredAtStages,
  }));

/** The list with `field` in place of the one at `index`, or added last when `index` is null. */
export function withField<T>(items: readonly T[], index: number | null, field: T): T[] {
  return index === null ? [...items, field] : items.map((item, i) => (i === index ? field : item));
}

export const withoutField = <T>(items: readonly T[], index: number): T[] =>
  items.filter((_, i) => i !== index);

/** The list with the item at `index` moved one place up (-1) or down (1); unchanged at an end. */
export function moveField<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

/**
 * The server's refusal by row and field: `body.items.1.key` → `{ 1: { key } }`, `body.items.0.options.2`
 * → `{ 0: { options } }` (the first message of each field). `prefix`: where the rows are (a list's
 * fields are at `body.fields`).
 */
export function rowErrors(error: unknown, prefix = 'body.items'): Record<number, Record<string, string>> {
  if (!(error instanceof ApiError)) return {};
  const rows: Record<number, Record<string, string>> = {};
  for (const [path, message] of Object.entries(error.fieldErrors(prefix))) {
    const [row, field = ''] = path.split('.');
    const at = Number(row);
    if (!Number.isInteger(at)) continue;
    rows[at] ??= {};
    (rows[at] as Record<string, string>)[field] ??= message;
  }
  return rows;
}

/**
 * The refusal's messages for the row at `index` of the list `sent` (at `prefix`, as rowErrors). A key
 * used twice is reported at its second use: that message counts for every row with the same key, so the
 * dialog editing either shows it.
 */
export function errorsOfRow(
  error: unknown,
  sent: readonly Pick<CrmFieldInput, 'key'>[],
  index: number,
  prefix?: string,
): Record<string, string> {
  const rows = rowErrors(error, prefix);
  const own = { ...rows[index] };
  const key = sent[index]?.key;
  for (const [at, errors] of Object.entries(rows))
    if (Number(at) !== index && errors.key && sent[Number(at)]?.key === key) own.key ??= errors.key;
  return own;
}
