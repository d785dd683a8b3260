import { type DragEvent, useState } from 'react';
import type { DealItem } from '../../api/crm-deals.ts';
import type { DropTargetProps } from '../items/StageColumnFrame.tsx';

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

/** A column as a drop target for deal cards: marked while one is over it, `onDrop` given the deal. */
export function useDealDrop(onDrop: (deal: DealItem) => void): DropTargetProps {
  const [over, setOver] = useState(false);
  return {
    'data-drop-target': over || undefined,
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(DEAL_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(false);
      const deal = droppedDeal(event.dataTransfer);
      if (deal) onDrop(deal);
    },
  };
}
