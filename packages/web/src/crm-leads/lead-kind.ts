import type { ItemKind } from '../crm/items/item-kind.ts';

/** Leads: under `/crm/leads`, their words at the top of leads.json. */
export const LEAD_KIND: ItemKind = {
  documentType: 'lead',
  path: '/crm/leads',
  ns: 'leads',
  listWords: '',
  itemWords: '',
};
