import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import { Unprocessable } from '../runtime/errors.ts';

/** Logins: letters, digits and `._@+-`, starting with a letter or digit; stored in lower case. */
export const LOGIN_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._@+-]{0,99}$/u;
/** Ids a client may choose for users and departments (`sales`, `u-1042`). */
export const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
/** Role and group names: what processes write after `role:` / `group:`, so no `:`, `,`, `;`, `@` or `|`. */
export const NAME_PATTERN = /^[^:,;@|\s][^:,;@|]{0,99}$/u;

export const normaliseLogin = (login: string): string => login.trim().toLowerCase();

/** A locale (BCP 47, e.g. `ru-RU`) or a time zone (IANA, e.g. `Europe/Moscow`) that Intl does not know. */
export function localeProblem(locale: string): string | null {
  try {
    Intl.getCanonicalLocales(locale);
    return null;
  } catch {
    return `"${locale}" is not a BCP 47 language tag (e.g. ru-RU)`;
  }
}

export function timeZoneProblem(zone: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return null;
  } catch {
    return `"${zone}" is not an IANA time zone (e.g. Europe/Moscow)`;
  }
}

/** Throws a 422 with every problem, or returns when there are none. */
export function rejectIfAny(errors: FieldError[], code = 'INVALID_REFERENCE'): void {
  if (errors.length === 0) return;
  throw new Unprocessable(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors, code);
}

type Keyed = 'users' | 'departments' | 'roles' | 'groups';

/** The keys of each table that others reference. */
const existing: Record<Keyed, (db: Kysely<Database>, keys: string[]) => Promise<{ key: string }[]>> = {
  users: (db, keys) => db.selectFrom('users').select('id as key').where('id', 'in', keys).execute(),
  departments: (db, keys) =>
    db.selectFrom('departments').select('id as key').where('id', 'in', keys).execute(),
  roles: (db, keys) => db.selectFrom('roles').select('name as key').where('name', 'in', keys).execute(),
  groups: (db, keys) => db.selectFrom('groups').select('name as key').where('name', 'in', keys).execute(),
};

/** Which of `keys` are missing from `table`. */
export async function missing(
  db: Kysely<Database>,
  table: Keyed,
  keys: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return new Set();
  const found = new Set((await existing[table](db, wanted)).map((r) => r.key));
  return new Set(wanted.filter((k) => !found.has(k)));
}

/** A phone number as people type it: digits, spaces, brackets and dashes, perhaps a leading +. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{3,30}$/;
