import type { ItemKind } from '../items/item-kind.ts';

/** Deals: under `/crm/deals`, their words in crm.json (`deals.*` for the board, `deal.*` for one). */
export const DEAL_KIND: ItemKind = {
  documentType: 'deal',
  path: '/crm/deals',
  ns: 'crm',
  listWords: 'deals.',
  itemWords: 'deal.',
};
