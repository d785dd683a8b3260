import type { ListRecord, RecordChanges, RecordInput, RecordValue } from '../api/lists.ts';
import { filledIn, sameValues } from '../crm-fields/field-values.ts';

/** What a record's form edits: its title as typed, its values by field key (null: emptied). */
export interface RecordDraft {
  title: string;
  values: Record<string, RecordValue>;
}

export const newRecordDraft = (): RecordDraft => ({ title: '', values: {} });

export const draftOfRecord = (record: ListRecord): RecordDraft => ({
  title: record.title,
  values: { ...record.values },
});

/** The body that adds the drafted record: the values holding one (none at all when none does). */
export function newRecordOf(draft: RecordDraft): RecordInput {
  const values = filledIn(draft.values);
  return { title: draft.title.trim(), ...(Object.keys(values).length > 0 ? { values } : {}) };
}

/** Only what differs from the record as loaded; values go whole, as the server replaces them whole. */
export function changesOf(record: ListRecord, draft: RecordDraft): RecordChanges {
  const title = draft.title.trim();
  return {
    ...(title !== record.title ? { title } : {}),
    ...(sameValues(draft.values, record.values) ? {} : { values: filledIn(draft.values) }),
  };
}

const same = (a: RecordValue | undefined, b: RecordValue | undefined) => (a ?? null) === (b ?? null);

/**
 * The draft carried over to a newer record (someone else's change): the title and each value edited
 * since `from` keep the edit, the others take the newer record's.
 */
export function rebase(draft: RecordDraft, from: ListRecord, to: ListRecord): RecordDraft {
  const keys = new Set([...Object.keys(to.values), ...Object.keys(draft.values)]);
  const values: Record<string, RecordValue> = {};
  for (const key of keys) {
    const edited = !same(draft.values[key], from.values[key]);
    values[key] = (edited ? draft.values[key] : to.values[key]) ?? null;
  }
  return { title: draft.title.trim() !== from.title ? draft.title : to.title, values };
}
