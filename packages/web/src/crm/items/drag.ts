import { type DragEvent, type DragEventHandler, useState } from 'react';
import type { ItemKind } from './item-kind.ts';
import type { Movable } from './useStageMove.ts';

/**
 * The drag data type of a kind's cards, `application/x-baton-deal`: a column takes only its own kind's
 * cards, so a lead never lands on a deal board (or the other way round).
 */
export const dragTypeOf = (kind: ItemKind): string => `application/x-baton-${kind.documentType}`;

/** What makes a column a drop target for cards dragged from another one. */
export interface DropTargetProps {
  'data-drop-target'?: true | undefined;
  onDragOver: DragEventHandler;
  onDragLeave: DragEventHandler;
  onDrop: DragEventHandler;
}

/** Puts a card's item on the drag as JSON: what its move needs, read back by the column it is dropped on. */
export function startItemDrag(kind: ItemKind, item: Movable, event: DragEvent): void {
  const { id, title, version, stageId } = item;
  event.dataTransfer.setData(dragTypeOf(kind), JSON.stringify({ id, title, version, stageId }));
  event.dataTransfer.effectAllowed = 'move';
}

/** The item a drop carries, or null when the drop is something else (a file, text, another kind's card). */
export function droppedItem(kind: ItemKind, data: Pick<DataTransfer, 'getData'>): Movable | null {
  const text = data.getData(dragTypeOf(kind));
  if (!text) return null;
  try {
    return JSON.parse(text) as Movable;
  } catch {
    return null;
  }
}

/** A column as a drop target for a kind's cards: marked while one is over it, `onDrop` given the item. */
export function useItemDrop(kind: ItemKind, onDrop: (item: Movable) => void): DropTargetProps {
  const [over, setOver] = useState(false);
  return {
    'data-drop-target': over || undefined,
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(dragTypeOf(kind))) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(false);
      const item = droppedItem(kind, event.dataTransfer);
      if (item) onDrop(item);
    },
  };
}
