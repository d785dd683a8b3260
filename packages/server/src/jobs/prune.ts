import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';

export const DEFAULT_JOB_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
/** Rows deleted per statement: short transactions, whatever has piled up. */
const BATCH = 1000;
/** How often a worker process prunes (and once as it starts). */
const EVERY_MS = 6 * 3_600_000;

/**
 * Deletes delivered and cancelled jobs that finished more than `retentionDays` ago — every timer,
 * notification and e-mail leaves a row, and a company's outbox would otherwise grow for years. Pending
 * and dead jobs stay until they are done. Keys of deleted jobs are free again, which is safe: an effect
 * is enqueued only by the step that made it. Returns how many went.
 */
export async function pruneFinishedJobs(rt: Runtime, retentionDays: number): Promise<number> {
  const cutoff = rt.now() - retentionDays * DAY_MS;
  let deleted = 0;
  let batch: number;
  do {
    batch = await deleteFinished(rt.db.kysely, cutoff);
    deleted += batch;
  } while (batch === BATCH);
  return deleted;
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

/**
 * Prunes in a worker process as it starts and every six hours (several workers pruning at once only
 * delete the same rows); the returned function stops it after a run in progress.
 */
export function startPruning(rt: Runtime, retentionDays: number): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = pruneFinishedJobs(rt, retentionDays).then(
      (deleted) => {
        if (deleted > 0) rt.log.info({ deleted, retentionDays }, 'finished jobs pruned');
      },
      (err: unknown) => rt.log.warn({ err }, 'pruning finished jobs failed'),
    );
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
