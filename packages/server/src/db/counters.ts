import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** The change counters in `settings` that processes check to know when to reload what they cache. */
export type Counter = 'org_version' | 'calendar_version' | 'definitions_version';

/**
 * Bumps a counter inside the changing transaction. On PostgreSQL the row stays locked until commit, so
 * changes of one kind are serialised; every process sees the new value after the commit and reloads.
 */
export async function bumpCounter(trx: Kysely<Database>, counter: Counter): Promise<void> {
  await trx
    .updateTable('settings')
    .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` })
    .where('key', '=', counter)
    .execute();
}
