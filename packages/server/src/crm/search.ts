import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * What a list's `q` looks in, lower-cased here rather than in SQL: SQLite's lower() knows only ASCII,
 * and Russian names must match in any letter case.
 */
export const searchText = (...parts: (string | null | undefined)[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('\n')
    .toLowerCase();

/** `column` contains `q` (any letter case); `%` and `_` in `q` are themselves. */
export function contains(column: string, q: string): Expression<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
