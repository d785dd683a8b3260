import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/crm.ts';
import type { BoardItem, ItemKind } from './item-kind.ts';

/** What editing needs of an item's update mutation (`useUpdateDeal()`, `useUpdateLead()`). */
export interface ItemUpdate<Item, Changes> {
  mutate(input: { id: string; changes: Changes }, callbacks: { onSuccess: (saved: Item) => void }): void;
  reset(): void;
  error: unknown;
  isPending: boolean;
  variables?: { changes: Changes } | undefined;
}

/** How an item and the draft its form edits relate (deal-draft.ts, lead-draft.ts). */
export interface DraftRules<Item, Draft, Changes> {
  draftOf(item: Item): Draft;
  /** Only what the draft changes of the item. */
  changesOf(item: Item, draft: Draft): Changes;
  /** The draft carried over to a newer item, the edits since `from` kept. */
  rebase(draft: Draft, from: Item, to: Item): Draft;
  /** The body that moves the item to `stage` at `item`'s version (with what must go along). */
  moveOf(item: Item, draft: Draft, stage: Stage): Changes;
  /** Whether the server refused because someone changed the item meanwhile. */
  isConflict(error: unknown): boolean;
}

type Versioned = { stageId?: string | undefined; version?: number | undefined };

/**
 * An item being worked on. The form edits the version it was opened at (`base`); saving and moving send
 * that version, so a change someone made meanwhile is never overwritten: the server refuses
 * (`isConflict`), and the user loads the newer item (`loadNewer`) with their edits kept on top.
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
  const [base, setBase] = useState<Item>(args.stored);
  const [draft, setDraft] = useState<Draft>(() => rules.draftOf(args.stored));
  const conflict = [save.error, move.error].some(rules.isConflict);

  /** Carries the draft over to a newer item: what was edited stays edited. */
  const adopt = (next: Item) => {
    setDraft((current) => rules.rebase(current, base, next));
    setBase(next);
  };
  const loadNewer = async () => {
    const next = await args.reload();
    if (!next) return;
    save.reset();
    move.reset();
    adopt(next);
  };
  const submit = () => {
    const changes = rules.changesOf(base, draft);
    if (Object.keys(changes).length === 0) return;
    move.reset();
    save.mutate(
      { id: base.id, changes: { ...changes, version: base.version } },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(rules.draftOf(saved));
          notifications.show({
            color: 'green',
            message: t(`${kind.itemWords}saved`, { title: saved.title }),
          });
        },
      },
    );
  };
  const moveTo = (stage: Stage) => {
    save.reset();
    move.mutate({ id: base.id, changes: rules.moveOf(base, draft, stage) }, { onSuccess: adopt });
  };

  return {
    base,
    draft,
    setDraft,
    submit,
    moveTo,
    loadNewer,
    conflict,
    /** Someone changed the item since it was opened here (or a save was refused for it). */
    stale: conflict || args.stored.version > base.version,
    /** The server's refusal to show in the form; a conflict is told apart, by the notice. */
    error: conflict ? null : (save.error ?? move.error),
    saving: save.isPending,
    /** The stage a move is on its way to. */
    moving: move.isPending ? (move.variables?.changes.stageId ?? null) : null,
  };
}
