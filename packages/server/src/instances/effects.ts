import type { Effect } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NewJob } from '../jobs/enqueue.ts';

/** The API id of a task: the instance id and the engine's task id, so no mapping table is needed. */
export const taskKey = (instanceId: string, taskId: string) => `${instanceId}:${taskId}`;

/**
 * Writes one step's effects inside its transaction: tasks and message subscriptions become rows,
 * timers and outbox effects become jobs (returned, the caller enqueues them).
 */
export async function writeEffects(
  trx: Kysely<Database>,
  instanceId: string,
  effects: readonly Effect[],
  now: number,
): Promise<NewJob[]> {
  const jobs: NewJob[] = [];
  for (const e of effects) {
    switch (e.type) {
      case 'createTask': {
        const id = taskKey(instanceId, e.taskId);
        await trx
          .insertInto('tasks')
          .values({
            id,
            instance_id: instanceId,
            node_id: e.nodeId,
            kind: e.kind,
            title: e.title,
            status: 'open',
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
            }),
          })
          .execute();
        if (e.assignees.length > 0) {
          await trx
            .insertInto('task_assignees')
            .values(e.assignees.map((assignee) => ({ task_id: id, assignee })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        break;
      }
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
  return jobs;
}
