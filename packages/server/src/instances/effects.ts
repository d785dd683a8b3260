import type { Effect } from '@baton/engine';
import type { Kysely } from 'kysely';
import { insertRows } from '../db/insert-rows.ts';
import type { Database } from '../db/schema.ts';
import { publishUserEvent, taskAssigned } from '../events/user-events.ts';
import type { NewJob } from '../jobs/enqueue.ts';

/** The API id of a task: the instance id and the engine's task id, so no mapping table is needed. */
export const taskKey = (instanceId: string, taskId: string) => `${instanceId}:${taskId}`;

/**
 * Writes one step's effects inside its transaction: tasks and message subscriptions become rows,
 * timers and outbox effects become jobs (returned, the caller enqueues them). New tasks are inserted
 * together, at the end or before a `cancelTask` (which may name one of them).
 */
export async function writeEffects(
  trx: Kysely<Database>,
  instanceId: string,
  effects: readonly Effect[],
  now: number,
): Promise<NewJob[]> {
  const jobs: NewJob[] = [];
  const tasks: CreateTask[] = [];
  for (const e of effects) {
    if (e.type === 'createTask') {
      tasks.push(e);
      continue;
    }
    if (e.type === 'cancelTask' && tasks.length > 0) await insertTasks(trx, instanceId, tasks.splice(0), now);
    switch (e.type) {
      case 'cancelTask':
        await trx
          .updateTable('tasks')
          .set({ status: 'cancelled', completed_at: now })
          .where('id', '=', taskKey(instanceId, e.taskId))
          .where('status', '=', 'open')
          .execute();
        break;
      case 'scheduleTimer':
        jobs.push({
          kind: 'timer',
          key: `${instanceId}:${e.timerId}`,
          instanceId,
          payload: { instanceId, timerId: e.timerId },
          dueAt: e.dueAt,
        });
        break;
      case 'cancelTimer':
        await trx
          .updateTable('jobs')
          .set({ status: 'cancelled', updated_at: now })
          .where('key', '=', `${instanceId}:${e.timerId}`)
          .where('status', '=', 'pending')
          .execute();
        break;
      case 'subscribeMessage':
        await trx
          .insertInto('message_subscriptions')
          .values({
            id: `${instanceId}:${e.waitId}`,
            instance_id: instanceId,
            name: e.message,
            correlation_key: e.correlationKey,
            created_at: now,
          })
          .execute();
        break;
      case 'unsubscribeMessage':
        await trx.deleteFrom('message_subscriptions').where('id', '=', `${instanceId}:${e.waitId}`).execute();
        break;
      default:
        // Outbox: delivered by a job handler at least once, with the effect key as idempotency key.
        jobs.push({ kind: e.type, key: `${instanceId}:${e.key}`, instanceId, payload: e, dueAt: now });
    }
  }
  if (tasks.length > 0) await insertTasks(trx, instanceId, tasks, now);
  return jobs;
}

type CreateTask = Extract<Effect, { type: 'createTask' }>;

/** One insert for the tasks, one for their assignees. */
async function insertTasks(
  trx: Kysely<Database>,
  instanceId: string,
  tasks: readonly CreateTask[],
  now: number,
): Promise<void> {
  await insertRows(
    trx,
    'tasks',
    tasks.map((e) => ({
      id: taskKey(instanceId, e.taskId),
      instance_id: instanceId,
      node_id: e.nodeId,
      kind: e.kind,
      title: e.title,
      status: 'open' as const,
      assignees: JSON.stringify(e.assignees),
      role: e.role ?? null,
      due_at: e.dueAt,
      created_at: now,
      completed_at: null,
      completed_by: null,
      outcome: null,
      form: JSON.stringify({
        description: e.description ?? null,
        fields: e.fields,
        outcomes: e.outcomes,
        delegation: e.delegation,
        redirects: e.redirects,
      }),
    })),
  );
  await insertRows(
    trx,
    'task_assignees',
    tasks.flatMap((e) =>
      e.assignees.map((assignee) => ({ task_id: taskKey(instanceId, e.taskId), assignee })),
    ),
    { ignoreConflicts: true },
  );
  await publishUserEvent(
    trx,
    ...tasks.flatMap((e) =>
      taskAssigned(e.assignees, { id: taskKey(instanceId, e.taskId), title: e.title, instanceId }),
    ),
  );
}

/** The tasks a step's effects create, with their API ids and assignees. */
export function createdTasks(instanceId: string, effects: readonly Effect[]) {
  return effects.flatMap((e) =>
    e.type === 'createTask'
      ? [{ id: taskKey(instanceId, e.taskId), instanceId, assignees: e.assignees }]
      : [],
  );
}
