import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { Database, JobStatus, JobsTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { toIso, toIsoOrNull } from '../util/time.ts';
import { announceJobs } from './notify-channel.ts';

export interface JobView {
  key: string;
  kind: string;
  instanceId: string | null;
  status: JobStatus;
  dueAt: string;
  attempts: number;
  lastError: string | null;
  lockedBy: string | null;
  lockedUntil: string | null;
  payload: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface JobFilter {
  status?: JobStatus | undefined;
  kind?: string | undefined;
  instanceId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * The outbox and the timers, newest first (created_at desc, key desc), keyset-paginated; for process
 * administrators.
 */
export async function listJobs(rt: Runtime, caller: Caller, f: JobFilter): Promise<Page<JobView>> {
  demand(caller, 'administerProcesses', 'the job outbox');
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = rt.db.kysely.selectFrom('jobs').selectAll();
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.instanceId !== undefined) q = q.where('instance_id', '=', f.instanceId);
  if (f.cursor !== undefined) {
    const [at, key] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('key', '<', key)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('key', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, viewOf, (r) => [r.created_at, r.key]);
}

/** A caller's retry of a dead job: process administrators only. */
export async function retryDeadJob(rt: Runtime, caller: Caller, key: string): Promise<JobView> {
  demand(caller, 'administerProcesses', 'retrying jobs');
  return retryJob(rt, key);
}

/** A dead job gets another round: pending, attempts from zero, due now. Any other status is a 409. */
export async function retryJob(rt: Runtime, key: string): Promise<JobView> {
  const db = rt.db.kysely;
  const now = rt.now();
  const retried = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('jobs')
      .set({
        status: 'pending',
        attempts: 0,
        due_at: now,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('key', '=', key)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) await announceJobs(rt.db, trx);
    return Number(updated.numUpdatedRows) === 1;
  });
  const view = await getJob(db, key);
  if (!retried)
    throw new Conflict(`job ${key} is ${view.status}; only a dead job can be retried`, 'JOB_NOT_DEAD');
  rt.wake();
  return view;
}

/** One job as the API shows it. */
export async function getJob(db: Kysely<Database>, key: string): Promise<JobView> {
  const row = await db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) throw new NotFound('job', key);
  return viewOf(row);
}

function viewOf(row: JobsTable): JobView {
  return {
    key: row.key,
    kind: row.kind,
    instanceId: row.instance_id,
    status: row.status,
    dueAt: toIso(row.due_at),
    attempts: row.attempts,
    lastError: row.last_error,
    lockedBy: row.locked_by,
    lockedUntil: toIsoOrNull(row.locked_until),
    payload: JSON.parse(row.payload) as unknown,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
