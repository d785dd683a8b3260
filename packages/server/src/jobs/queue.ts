import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, JobsTable } from '../db/schema.ts';

export type Job = JobsTable;

export interface ClaimOptions {
  workerId: string;
  kinds: readonly string[];
  limit: number;
  lockMs: number;
  now: number;
}

/**
 * Claims due jobs for one worker: locks them until `now + lockMs`. A worker that dies keeps them only
 * until the lock expires; then another claims them. PostgreSQL skips rows other workers are claiming
 * (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time, so the same statement is safe there.
 */
export async function claimJobs(db: Db, o: ClaimOptions): Promise<Job[]> {
  if (o.kinds.length === 0) return [];
  const due = db.kysely
    .selectFrom('jobs')
    .select('key')
    .where('status', '=', 'pending')
    .where('due_at', '<=', o.now)
    .where('kind', 'in', o.kinds)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', o.now)]))
    .orderBy('due_at')
    .limit(o.limit);
  const candidates = db.dialect === 'postgres' ? due.modifyEnd(sql`for update skip locked`) : due;
  return db.kysely
    .updateTable('jobs')
    .set((eb) => ({
      locked_by: o.workerId,
      locked_until: o.now + o.lockMs,
      attempts: eb('attempts', '+', 1),
      updated_at: o.now,
    }))
    .where('key', 'in', candidates)
    .returningAll()
    .execute();
}

/** Marks a claimed job done, if this worker still holds it (inside the caller's transaction when given). */
export async function finishJob(db: Kysely<Database>, job: Job, now: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, locked_until: null, updated_at: now })
    .where('key', '=', job.key)
    .where('status', '=', 'pending')
    .execute();
}

/** Exponential back-off (1 s, 2 s, 4 s … capped at an hour); dead after `maxAttempts`. */
export async function failJob(
  db: Kysely<Database>,
  job: Job,
  error: string,
  now: number,
  maxAttempts: number,
): Promise<void> {
  const dead = job.attempts >= maxAttempts;
  const delay = Math.min(1000 * 2 ** (job.attempts - 1), 3_600_000);
  await db
    .updateTable('jobs')
    .set({
      status: dead ? 'dead' : 'pending',
      last_error: error.slice(0, 2000),
      due_at: dead ? job.due_at : now + delay,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('key', '=', job.key)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * The earliest time a pending job can be claimed, to sleep until then: its due time, or when its lock
 * expires if that is later (a job held by another worker, or in flight here, is not claimable before).
 */
export async function nextDueAt(db: Db, kinds: readonly string[]): Promise<number | null> {
  if (kinds.length === 0) return null;
  const row = await db.kysely
    .selectFrom('jobs')
    .select((eb) =>
      eb.fn
        .min(
          eb
            .case()
            .when('locked_until', '>', eb.ref('due_at'))
            .then(eb.ref('locked_until'))
            .else(eb.ref('due_at'))
            .end(),
        )
        .as('due'),
    )
    .where('status', '=', 'pending')
    .where('kind', 'in', kinds)
    .executeTakeFirst();
  return row?.due === null || row?.due === undefined ? null : Number(row.due);
}

/** On a single-process SQLite server no other worker can hold a lock: free what a crash left behind. */
export async function releaseAllLocks(db: Db): Promise<void> {
  await db.kysely
    .updateTable('jobs')
    .set({ locked_by: null, locked_until: null })
    .where('status', '=', 'pending')
    .where('locked_by', 'is not', null)
    .execute();
}
