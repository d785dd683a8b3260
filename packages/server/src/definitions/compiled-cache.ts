import { type CompiledDefinition, compile, formatProblem } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { NotFound } from '../runtime/errors.ts';

/** Compiled published definitions by key@version. A published version never changes, so entries never go stale. */
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
  const outcome = compile(JSON.parse(row.json));
  if (!outcome.ok)
    throw new Error(
      `stored definition ${id} does not compile: ${outcome.problems.map(formatProblem).join('; ')}`,
    );
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(id, outcome.compiled);
  return outcome.compiled;
}
