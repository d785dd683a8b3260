import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/crm.ts';
import { type EditRules, type ItemUpdate, useVersionedEditing } from '../useVersionedEditing.ts';
import type { BoardItem, ItemKind } from './item-kind.ts';

/** How an item and the draft its form edits relate (deal-draft.ts, lead-draft.ts), and how it moves. */
export interface DraftRules<Item, Draft, Changes> extends EditRules<Item, Draft, Changes> {
  /** The body that moves the item to `stage` at `item`'s version (with what must go along). */
  moveOf(item: Item, draft: Draft, stage: Stage): Changes;
}

type Versioned = { stageId?: string | undefined; version?: number | undefined };

/**
 * A deal or lead being worked on (see useVersionedEditing): saved, and moved along its stages, at the
 * version it was opened at.
 */
export function useItemEditing<Item extends BoardItem, Draft, Changes extends Versioned>(
  kind: ItemKind,
  rules: DraftRules<Item, Draft, Changes>,
  args: {
    /** The item as last read from the server: at first the one opened, later newer when someone changed it. */
    stored: Item;
    reload: () => Promise<Item | undefined>;
  },
  /** Two mutations, one to save and one to move, so that a save's error and a move's stay apart. */
  [save, move]: [ItemUpdate<Item, Changes>, ItemUpdate<Item, Changes>],
) {
  const { t } = useTranslation(kind.ns);
  const editing = useVersionedEditing(rules, args, save, {
    savedMessage: (saved) => t(`${kind.itemWords}saved`, { title: saved.title }),
    siblings: [move],
  });
  const moveTo = (stage: Stage) => {
    save.reset();
    move.mutate(
      { id: editing.base.id, changes: rules.moveOf(editing.base, editing.draft, stage) },
      { onSuccess: editing.adopt },
    );
  };

  return {
    ...editing,
    moveTo,
    /** The stage a move is on its way to. */
    moving: move.isPending ? (move.variables?.changes.stageId ?? null) : null,
  };
}
