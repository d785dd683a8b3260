import type { DealItem } from '../../api/crm-deals.ts';

/** The drag data type of a deal card: the deal as JSON, read back by the column it is dropped on. */
export const DEAL_DRAG_TYPE = 'application/x-baton-deal';

/** The deal a drop carries, or null when the drop is something else (a file, text from elsewhere). */
export function droppedDeal(data: DataTransfer): DealItem | null {
  const text = data.getData(DEAL_DRAG_TYPE);
  if (!text) return null;
  try {
    return JSON.parse(text) as DealItem;
  } catch {
    return null;
  }
}
