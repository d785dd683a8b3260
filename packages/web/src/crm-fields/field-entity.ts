import type { FieldEntity } from '../api/crm-fields.ts';

/** The kinds of items with fields of the company's own, in the order the settings offer them. */
export const FIELD_ENTITIES: readonly FieldEntity[] = ['deal', 'lead', 'contact', 'company'];

/**
 * Whether a kind's items move along pipelines, so that its fields may be required at stages (of that
 * kind's pipelines): deals and leads do; the server refuses `requiredAtStages` for the others.
 */
export const STAGED: Record<FieldEntity, boolean> = {
  deal: true,
  lead: true,
  contact: false,
  company: false,
};

/** The kind the address names (`?entity=lead`); deals when it names none of them. */
export function fieldEntityOf(param: string | null): FieldEntity {
  return FIELD_ENTITIES.find((entity) => entity === param) ?? 'deal';
}
