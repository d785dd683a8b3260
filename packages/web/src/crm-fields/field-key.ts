import { keyFromName } from '../designer/model/keys.ts';

/** The keys the server takes for a field of any kind: a letter or `_`, then letters, digits or `_`; 64 at most. */
export const FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Names a deal has of its own — what a process reads as `document.<name>` — so no field of any kind may
 * take them (the server's DEAL_DOCUMENT_NAMES; it refuses them with a 400 at `body.items.<i>.key`).
 */
export const BUILT_IN_KEYS: ReadonlySet<string> = new Set([
  'id',
  'title',
  'amount',
  'currency',
  'stage',
  'stageId',
  'stageKind',
  'pipelineId',
  'responsible',
  'contact',
  'contactId',
  'company',
  'companyId',
  'comment',
  'quote',
]);

export type KeyProblem = 'empty' | 'pattern' | 'builtIn' | null;

/**
 * Why the server would refuse a key, before asking it; a key used twice is the server's to say.
 * `reserved`: the names the item has of its own (a deal's by default; a list record's for a list).
 */
export function keyProblem(key: string, reserved: ReadonlySet<string> = BUILT_IN_KEYS): KeyProblem {
  if (key === '') return 'empty';
  if (!FIELD_KEY.test(key)) return 'pattern';
  return reserved.has(key) ? 'builtIn' : null;
}

/** A label in Latin camelCase: "Дата подписания" → "dataPodpisaniya", "Signed on" → "signedOn". */
export function camelKey(label: string): string {
  const words = keyFromName(label).split('-').filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/.test(key) ? `_${key}` : key;
}

/**
 * A key for a new field from its label, one the server takes and no other field of its kind has
 * (`taken`), nor a built-in name (`reserved`): `amount` becomes `amount2`.
 */
export function suggestKey(
  label: string,
  taken: Iterable<string>,
  reserved: ReadonlySet<string> = BUILT_IN_KEYS,
): string {
  const used = new Set(taken);
  const base = (camelKey(label) || 'field').slice(0, 60);
  const free = (key: string) => !used.has(key) && !reserved.has(key);
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}${n}`)) return `${base}${n}`;
}
