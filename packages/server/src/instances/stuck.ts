import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Why a running instance cannot move on by itself (administrators fix it: retry the job, hand the task on):
 * - `DEAD_JOB` — one of its jobs (a timer, a delivery) failed its last attempt;
 * - `NO_ACTIVE_ASSIGNEE` — an open task none of whose assignees is an active user: each names an
 *   inactive or unknown user (a role or group reference counts as alive: someone may take it).
 */
export type StuckReason =
  | { code: 'DEAD_JOB'; jobKey: string; kind: string; error: string | null }
  | { code: 'NO_ACTIVE_ASSIGNEE'; taskId: string; assignees: string[] };

type InstanceScope = ExpressionBuilder<Database, 'instances'>;

const deadJobs = (db: Kysely<Database>) =>
  db.selectFrom('jobs').where('jobs.status', '=', 'dead').where('jobs.instance_id', 'is not', null);

/** An assignee someone can act for: an active user (by id or `user:<id>`), or a role or group reference. */
const activeUsers = (db: Kysely<Database>) => db.selectFrom('users').where('users.active', '=', 1);

const orphanedTasks = (db: Kysely<Database>) =>
  db
    .selectFrom('tasks')
    .where('tasks.status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('task_assignees as a')
            .select('a.task_id')
            .whereRef('a.task_id', '=', 'tasks.id')
            .where((w) =>
              w.or([
                w('a.assignee', 'in', activeUsers(db).select('users.id')),
                w('a.assignee', 'in', activeUsers(db).select(sql<string>`'user:' || users.id`.as('ref'))),
                w.and([w('a.assignee', 'like', '%:%'), w('a.assignee', 'not like', 'user:%')]),
              ]),
            ),
        ),
      ),
    );

/** The condition on `instances` for the stuck ones (running, with a dead job or an orphaned task). */
export function isStuck(db: Kysely<Database>) {
  return (eb: InstanceScope): Expression<SqlBool> =>
    eb.and([
      eb('instances.status', '=', 'running'),
      eb.or([
        eb('instances.id', 'in', deadJobs(db).select('jobs.instance_id')),
        eb('instances.id', 'in', orphanedTasks(db).select('tasks.instance_id')),
      ]),
    ]);
}

/** The reasons for each of the given running instances (every id present, empty when it is not stuck). */
export async function stuckReasons(
  db: Kysely<Database>,
  runningIds: readonly string[],
): Promise<Map<string, StuckReason[]>> {
  const reasons = new Map<string, StuckReason[]>(runningIds.map((id) => [id, []]));
  if (runningIds.length === 0) return reasons;
  const ids = [...runningIds];
  const [jobs, tasks] = await Promise.all([
    deadJobs(db)
      .select(['jobs.instance_id', 'jobs.key', 'jobs.kind', 'jobs.last_error'])
      .where('jobs.instance_id', 'in', ids)
      .orderBy('jobs.key')
      .execute(),
    orphanedTasks(db)
      .select(['tasks.instance_id', 'tasks.id', 'tasks.assignees'])
      .where('tasks.instance_id', 'in', ids)
      .orderBy('tasks.created_at')
      .orderBy('tasks.id')
      .execute(),
  ]);
  for (const j of jobs)
    reasons
      .get(j.instance_id ?? '')
      ?.push({ code: 'DEAD_JOB', jobKey: j.key, kind: j.kind, error: j.last_error });
  for (const t of tasks)
    reasons
      .get(t.instance_id)
      ?.push({ code: 'NO_ACTIVE_ASSIGNEE', taskId: t.id, assignees: JSON.parse(t.assignees) as string[] });
  return reasons;
}
