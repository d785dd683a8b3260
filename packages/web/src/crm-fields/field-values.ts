import type { DealField, DealFieldValue } from '../api/crm-deal-fields.ts';

type Requirement = Pick<DealField, 'required' | 'requiredAtStages'>;

/** Whether a deal at `stageId` must have the field filled: always, or at that stage. */
export function requiredAt(field: Requirement, stageId: string): boolean {
  return field.required || field.requiredAtStages.includes(stageId);
}

/** Empty as the server counts it: absent, null, or text of nothing but spaces (`false` and `0` are values). */
export function isEmptyValue(value: DealFieldValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The keys of the fields a deal at `stageId` must have and does not, in the fields' order. */
export function missingRequired(
  fields: readonly DealField[],
  values: Readonly<Record<string, DealFieldValue>>,
  stageId: string,
): string[] {
  return fields.filter((f) => requiredAt(f, stageId) && isEmptyValue(values[f.key])).map((f) => f.key);
}

/** The deal's values with one set; every other key — those no field defines too — kept as it was. */
export function withValue(
  values: Readonly<Record<string, DealFieldValue>>,
  key: string,
  value: DealFieldValue,
): Record<string, DealFieldValue> {
  return { ...values, [key]: value };
}

/** What a number input holds as a value: a number, or null while empty or not (yet) a number ("-"). */
export function numberValue(input: number | string): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const n = Number(input);
  return input.trim() === '' || !Number.isFinite(n) ? null : n;
}
