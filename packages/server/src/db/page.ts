import { type Expression, type SqlBool, sql } from 'kysely';

/** One page of a keyset-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A cursor that does not decode: the client sent something it did not get from us. */
export class InvalidCursor extends Error {
  readonly statusCode = 400;
  readonly code = 'INVALID_CURSOR';
  constructor() {
    super('cursor is not one this server issued');
    this.name = 'InvalidCursor';
  }
}

/**
 * Cursors are the sort key of the last item seen (e.g. `[startedAt, id]`), base64url-encoded JSON:
 * opaque to clients, stable under inserts (keyset, not offset, pagination).
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key of a cursor, checked against the expected shape (`['number', 'string']`). */
export function decodeCursor<T extends (string | number)[]>(
  cursor: string,
  shape: readonly ('number' | 'string')[],
): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i]))
    throw new InvalidCursor();
  return key as T;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells that there is more. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  view: (row: R) => T,
  keyOf: (row: R) => (string | number)[],
): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * The rows after `cursor` in a list newest first — by `time`, then `id`, both descending — whose
 * cursor is `[time, id]` of the last row seen.
 */
export function afterNewest(cursor: string, time: string, id: string): Expression<SqlBool> {
  const [at, key] = decodeCursor<[number, string]>(cursor, ['number', 'string']);
  return sql<SqlBool>`(${sql.ref(time)} < ${at} or (${sql.ref(time)} = ${at} and ${sql.ref(id)} < ${key}))`;
}
