import type { CrmField } from '../api/crm-fields.ts';

/**
 * The names a robot's notice may use inside `{{ }}`: the deal as a process reads it and its manager. Each
 * is described in robots.json `help.names.<name with _ for .>`; the deal's own fields follow by label.
 */
export const MESSAGE_NAMES = [
  'responsible.name',
  'deal.title',
  'deal.company',
  'deal.contact',
  'deal.amount',
  'deal.stage',
] as const;

/** A name to offer, with what it means: a translation key for the built-in ones, a field's label for the others. */
export type MessageName = { name: string; about: { key: string } | { label: string } };

export function messageNames(fields: readonly CrmField[]): MessageName[] {
  return [
    ...MESSAGE_NAMES.map((name) => ({ name, about: { key: name.replace('.', '_') } })),
    ...fields.map((f) => ({ name: `deal.${f.key}`, about: { label: f.label } })),
  ];
}
