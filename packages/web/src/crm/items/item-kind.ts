/**
 * What tells deals and leads apart on the screens they share. On the server a lead is a deal of entity
 * `lead` (same stages, history, processes), so the board, the pages and the editor are written once and
 * told by a kind where the item's screens live and which words to use.
 *
 * @example
 * const DEAL_KIND: ItemKind = { documentType: 'deal', path: '/crm/deals', ns: 'crm', listWords: 'deals.', itemWords: 'deal.' };
 * t(`${kind.itemWords}deleted`, { title }); // crm:deal.deleted
 */
export interface ItemKind {
  /** The document type process templates are made for; `documentType:ID` refers to one item. */
  documentType: 'deal' | 'lead';
  /** Where the board is; an item's card is `${path}/ID`, a new item `${path}/new`. */
  path: string;
  /** The i18next namespace holding `board.*` and `processes.*`. */
  ns: string;
  /** Key prefix in `ns` of the list's words: title, subtitle, new, pipeline, search, noPipelines… */
  listWords: string;
  /** Key prefix in `ns` of one item's words: newTitle, back, formLabel, saved, delete…, `fields.*`. */
  itemWords: string;
}

/** The board of a pipeline, `/crm/deals?pipeline=ID`. */
export const boardPath = (kind: ItemKind, pipelineId: string): string =>
  `${kind.path}?pipeline=${encodeURIComponent(pipelineId)}`;

/** One item's card, `/crm/deals/ID`. */
export const itemPath = (kind: ItemKind, id: string): string => `${kind.path}/${encodeURIComponent(id)}`;

/** The reference processes about the item carry, `deal:ID`. */
export const documentRefOf = (kind: ItemKind, id: string): string => `${kind.documentType}:${id}`;

/** What every item on a pipeline board has, deal or lead. */
export interface BoardItem {
  id: string;
  title: string;
  version: number;
  pipelineId: string;
  stageId: string;
}
