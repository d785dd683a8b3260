import { refusalsOf } from '../crm/problems.ts';

/** The catalogue's refusals a user can act on; their words are in catalog.json `problems`. */
export const { explained: explainedCatalog } = refusalsOf('catalog', ['PRICE_LIST_IN_USE']);
