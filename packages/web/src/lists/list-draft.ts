import { ApiError } from '../api/client.ts';
import type { List, ListField, ListInput } from '../api/lists.ts';
import { type FieldDraft, fieldOfDraft } from '../crm-fields/field-list.ts';
import { KEY_PATTERN, keyFromName, uniqueKey } from '../designer/model/keys.ts';

/** What the list settings form edits. */
export interface ListDraft {
  name: string;
  key: string;
  /** The key was typed (or is stored), so the name no longer suggests it. */
  keyEdited: boolean;
  description: string;
  fields: ListField[];
  read: string[];
  write: string[];
  /** A published template started about each new record; null for none. */
  processKey: string | null;
}

/** A new list: everyone reads and writes it, as the server would have it. */
export const newListDraft = (): ListDraft => ({
  name: '',
  key: '',
  keyEdited: false,
  description: '',
  fields: [],
  read: ['everyone'],
  write: ['everyone'],
  processKey: null,
});

export const draftOfList = (list: List): ListDraft => ({
  name: list.name,
  key: list.key,
  keyEdited: true,
  description: list.description,
  fields: list.fields,
  read: list.rights.read,
  write: list.rights.write,
  processKey: list.processKey,
});

/** The draft as POST and PUT take it: the whole list. */
export function listOfDraft(draft: ListDraft): ListInput {
  return {
    key: draft.key.trim(),
    name: draft.name.trim(),
    description: draft.description.trim(),
    fields: draft.fields,
    rights: { read: draft.read, write: draft.write },
    processKey: draft.processKey,
  };
}

/** A list's field from the shared field dialog's draft (a list's fields have no stages). */
export function listFieldOf(draft: FieldDraft): ListField {
  const { key, label, type, options, required } = fieldOfDraft(draft);
  return { key, label, type, options: options ?? [], required: required ?? false };
}

/** The names a list's field may not take: a record's own, which processes read (the server's RECORD_NAMES). */
export const RECORD_NAMES: ReadonlySet<string> = new Set(['id', 'title', 'list', 'listKey', 'author']);

/** List keys as the server takes them (a template key's rules): letters, digits, `.`, `_`, `-`; 100 at most. */
export const listKeyValid = (key: string): boolean => key.length <= 100 && KEY_PATTERN.test(key);

/** A key for a new list from its name ("Договоры" → "dogovory"), not one of the lists' `taken`. */
export const suggestListKey = (name: string, taken: Iterable<string>): string =>
  uniqueKey(keyFromName(name) || 'list', taken);

/** The settings' own inputs the server's refusals name; the fields' come by row (rowErrors). */
export type SettingsInput = 'key' | 'name' | 'description' | 'read' | 'write' | 'processKey';

const INPUT_OF: Record<string, SettingsInput> = {
  key: 'key',
  name: 'name',
  description: 'description',
  'rights.read': 'read',
  'rights.write': 'write',
  processKey: 'processKey',
};

/** The refusal's first message for each input: `body.rights.read.2` → `read`, `body.key` → `key`. */
export function settingsErrors(error: unknown): Partial<Record<SettingsInput, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<SettingsInput, string>> = {};
  for (const [path, message] of Object.entries(error.fieldErrors('body'))) {
    const at = Object.keys(INPUT_OF).find((p) => path === p || path.startsWith(`${p}.`));
    const input = at === undefined ? undefined : INPUT_OF[at];
    if (input) out[input] ??= message;
  }
  return out;
}
