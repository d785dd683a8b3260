import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { enqueue, type NewJob } from '../enqueue.ts';
import type { JobHandler } from '../handler.ts';

export const PRUNE_JOBS = 'pruneJobs';
const DAY_MS = 86_400_000;
/** Rows deleted per statement: short transactions, whatever has piled up. */
const BATCH = 1000;

/** The day's housekeeping job (one per day whichever worker enqueues it), due at `at`. */
export function pruneJob(at: number): NewJob {
  const day = Math.floor(at / DAY_MS);
  return { kind: PRUNE_JOBS, key: `prune-jobs:${day}`, instanceId: null, payload: {}, dueAt: at };
}

/**
 * Once a day, deletes delivered and cancelled jobs finished more than `retentionDays` ago — every timer,
 * notification and e-mail leaves a row, and a company's outbox would otherwise grow for years — then
 * queues the next day's run. Pending and dead jobs stay until they are done. Keys of deleted jobs are
 * free again, which is safe: an effect is enqueued only by the step that made it.
 */
export function pruneJobsHandler(retentionDays: number): JobHandler {
  return {
    kind: PRUNE_JOBS,
    async run(rt, _job, finish) {
      const now = rt.now();
      const cutoff = now - retentionDays * DAY_MS;
      let deleted = 0;
      let batch: number;
      do {
        batch = await deleteFinished(rt.db.kysely, cutoff);
        deleted += batch;
      } while (batch === BATCH);
      if (deleted > 0) rt.log.info({ deleted, retentionDays }, 'finished jobs pruned');
      await rt.db.kysely.transaction().execute(async (trx) => {
        await enqueue(trx, [pruneJob((Math.floor(now / DAY_MS) + 1) * DAY_MS)], now);
        await finish(trx);
      });
    },
  };
}

async function deleteFinished(db: Kysely<Database>, cutoff: number): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('key', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('key')
        .where('status', 'in', ['done', 'cancelled'])
        .where('due_at', '<', cutoff)
        .where('updated_at', '<', cutoff)
        .limit(BATCH),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
