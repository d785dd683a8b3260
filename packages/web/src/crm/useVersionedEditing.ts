import { notifications } from '@mantine/notifications';
import { useState } from 'react';

/** What editing needs of a record's update mutation (`useUpdateDeal()`, `useUpdateQuote()`). */
export interface ItemUpdate<Item, Changes> {
  mutate(input: { id: string; changes: Changes }, callbacks: { onSuccess: (saved: Item) => void }): void;
  reset(): void;
  error: unknown;
  isPending: boolean;
  variables?: { changes: Changes } | undefined;
}

/** Another mutation of the same record (a stage move) whose refusal counts as the save's. */
type Sibling = Pick<ItemUpdate<unknown, unknown>, 'reset' | 'error'>;

/** How a record and the draft its form edits relate (deal-draft.ts, quote-draft.ts). */
export interface EditRules<Item, Draft, Changes> {
  draftOf(item: Item): Draft;
  /** Only what the draft changes of the item. */
  changesOf(item: Item, draft: Draft): Changes;
  /** The draft carried over to a newer item, the edits since `from` kept. */
  rebase(draft: Draft, from: Item, to: Item): Draft;
  /** Whether the server refused because someone changed the item meanwhile. */
  isConflict(error: unknown): boolean;
}

type Versioned = { id: string; version: number };

/**
 * A record being worked on. The form edits the version it was opened at (`base`); saving sends that
 * version, so a change someone made meanwhile is never overwritten: the server refuses (`isConflict`),
 * and the user loads the newer record (`loadNewer`) with their edits kept on top.
 */
export function useVersionedEditing<Item extends Versioned, Draft, Changes extends object>(
  rules: EditRules<Item, Draft, Changes>,
  args: {
    /** The record as last read from the server: at first the one opened, later newer when someone changed it. */
    stored: Item;
    reload: () => Promise<Item | undefined>;
  },
  save: ItemUpdate<Item, Changes>,
  options: {
    /** What to tell once the record is saved. */
    savedMessage: (saved: Item) => string;
    /** Other mutations of the record whose refusal shows in the form like the save's. */
    siblings?: readonly Sibling[];
  },
) {
  const siblings = options.siblings ?? [];
  const [base, setBase] = useState<Item>(args.stored);
  const [draft, setDraft] = useState<Draft>(() => rules.draftOf(args.stored));
  const errors = [save.error, ...siblings.map((s) => s.error)];
  const conflict = errors.some(rules.isConflict);

  /** Carries the draft over to a newer record: what was edited stays edited. */
  const adopt = (next: Item) => {
    setDraft((current) => rules.rebase(current, base, next));
    setBase(next);
  };
  const loadNewer = async () => {
    const next = await args.reload();
    if (!next) return;
    save.reset();
    for (const s of siblings) s.reset();
    adopt(next);
  };
  const submit = () => {
    const changes = rules.changesOf(base, draft);
    if (Object.keys(changes).length === 0) return;
    for (const s of siblings) s.reset();
    save.mutate(
      { id: base.id, changes: { ...changes, version: base.version } },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(rules.draftOf(saved));
          notifications.show({ color: 'green', message: options.savedMessage(saved) });
        },
      },
    );
  };

  return {
    base,
    draft,
    setDraft,
    submit,
    adopt,
    loadNewer,
    conflict,
    /** Someone changed the record since it was opened here (or a save was refused for it). */
    stale: conflict || args.stored.version > base.version,
    /** The server's refusal to show in the form; a conflict is told apart, by the notice. */
    error: conflict ? null : (errors.find(Boolean) ?? null),
    saving: save.isPending,
  };
}
