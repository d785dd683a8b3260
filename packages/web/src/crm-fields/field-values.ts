import type { CrmFieldValue, FieldDefinition } from '../api/crm-fields.ts';

type Requirement = Pick<FieldDefinition, 'required' | 'requiredAtStages'>;

/**
 * Whether an item must have the field filled: always, or at `stageId` — a deal's or lead's stage; a
 * contact, company or list record has none.
 */
export function requiredAt(field: Requirement, stageId?: string): boolean {
  return field.required || (stageId !== undefined && (field.requiredAtStages ?? []).includes(stageId));
}

/** Empty as the server counts it: absent, null, or text of nothing but spaces (`false` and `0` are values). */
export function isEmptyValue(value: CrmFieldValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The item's values with one set; every other key — those no field defines too — kept as it was. */
export function withValue(
  values: Readonly<Record<string, CrmFieldValue>>,
  key: string,
  value: CrmFieldValue,
): Record<string, CrmFieldValue> {
  return { ...values, [key]: value };
}

/** What a number input holds as a value: a number, or null while empty or not (yet) a number ("-"). */
export function numberValue(input: number | string): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const n = Number(input);
  return input.trim() === '' || !Number.isFinite(n) ? null : n;
}

/** The values holding one, by key in order: an emptied one is left out (`fields` replaces them all). */
export function filledIn(values: Readonly<Record<string, CrmFieldValue>>): Record<string, CrmFieldValue> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** Whether two sets of values are the same once emptied ones are left out, whatever their keys' order. */
export function sameValues(
  a: Readonly<Record<string, CrmFieldValue>>,
  b: Readonly<Record<string, CrmFieldValue>>,
): boolean {
  return JSON.stringify(filledIn(a)) === JSON.stringify(filledIn(b));
}

/** What a new item is sent with of its values: those holding one; no `fields` at all when none does. */
export function newFieldsOf(values: Readonly<Record<string, CrmFieldValue>>): {
  fields?: Record<string, CrmFieldValue>;
} {
  const fields = filledIn(values);
  return Object.keys(fields).length > 0 ? { fields } : {};
}
