import { type CompiledDefinition, compile, formatProblem } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { NotFound } from '../runtime/errors.ts';

/**
 * Compiled published definitions by key@version. A published version never changes, so entries never go
 * stale; a deleted template's versions are still found here, for the instances running on them.
 */
const cache = new Map<string, CompiledDefinition>();
const LIMIT = 500;

export async function compiledDefinition(
  db: Kysely<Database>,
  key: string,
  version: number,
): Promise<CompiledDefinition> {
  const id = `${key}@${version}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await db
    .selectFrom('definitions')
    .select('json')
    .where('key', '=', key)
    .where('version', '=', version)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw new NotFound('definition', id);
  const outcome = compile(JSON.parse(row.json), { published: true });
  if (!outcome.ok)
    throw new Error(
      `stored definition ${id} does not compile: ${outcome.problems.map(formatProblem).join('; ')}`,
    );
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(id, outcome.compiled);
  return outcome.compiled;
}

/**
 * The newest published version of a template that is not deleted, compiled: what new instances start from. One indexed
 * query for the version number on every call (another process may have published since); the
 * definition itself comes from the cache, since a published version never changes.
 */
export async function latestCompiled(
  db: Kysely<Database>,
  key: string,
): Promise<{ version: number; compiled: CompiledDefinition }> {
  const row = await db
    .selectFrom('definitions')
    .select('version')
    .where('key', '=', key)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new NotFound('published definition', key);
  return { version: row.version, compiled: await compiledDefinition(db, key, row.version) };
}
