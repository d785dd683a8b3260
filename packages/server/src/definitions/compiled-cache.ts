import { type CompiledDefinition, compile, formatProblem, type Problem } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';

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
  if (!outcome.ok) throw unavailable(id, outcome.problems);
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

/**
 * A published version that no longer compiles here: it was published on a server with a plugin this one
 * lacks (or a plugin changed its activity). Starts and steps of it are refused, saying what to load;
 * nothing is written, and they work again once the plugin is back.
 */
function unavailable(id: string, problems: readonly Problem[]): Conflict {
  const missing = problems.some((p) => p.code === 'UNKNOWN_NODE_TYPE');
  const hint = missing ? ' — load the plugin that provides it (BATON_PLUGINS)' : '';
  return new Conflict(
    `template ${id} cannot run on this server: ${problems.map(formatProblem).join('; ')}${hint}`,
    'DEFINITION_UNAVAILABLE',
  );
}
