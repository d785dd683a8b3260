import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** The change counters in `settings` that processes check to know when to reload what they cache. */
export type Counter = 'org_version' | 'calendar_version' | 'definitions_version';

/**
 * Bumps a counter inside the changing transaction. On PostgreSQL the row stays locked until commit, so
 * changes of one kind are serialised; every process sees the new value after the commit and reloads.
 */
export async function bumpCounter(trx: Kysely<Database>, counter: Counter): Promise<void> {
  bumpedIn.add(trx);
  localBumps++;
  await trx
    .updateTable('settings')
    .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` })
    .where('key', '=', counter)
    .execute();
}

/**
 * Counts bumps made in this process: with SQLite's `data_version` (Db.changeStamp), which changes only
 * for other connections' commits, it tells a cache of the counters whether they may have moved.
 */
let localBumps = 0;
export const localCounterBumps = (): number => localBumps;

/**
 * Transactions that bumped a counter: counters read there include the uncommitted bump and must not
 * be cached, since the transaction may still roll back.
 */
const bumpedIn = new WeakSet<Kysely<Database>>();
export const bumpedCounters = (trx: Kysely<Database>): boolean => bumpedIn.has(trx);
