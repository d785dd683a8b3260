import type { Kysely } from 'kysely';
import type { Database, DefinitionsTable } from '../db/schema.ts';
import { NotFound } from '../runtime/errors.ts';

/** The newest published version of a definition: what new instances start from. */
export async function latestPublished(db: Kysely<Database>, key: string): Promise<DefinitionsTable> {
  const row = await db
    .selectFrom('definitions')
    .selectAll()
    .where('key', '=', key)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new NotFound('published definition', key);
  return row;
}
