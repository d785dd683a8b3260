import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { peopleAmong } from '../events/user-events.ts';
import { enqueue, type NewJob } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import type { Runtime } from '../runtime/context.ts';

/** The job that tells one person by e-mail that a task is theirs (jobs/handlers/task-email.ts). */
export const TASK_EMAIL = 'taskEmail';

export interface TaskEmail {
  /** The tasks handed to the person at once (one letter for them all); `taskId` in jobs queued before. */
  taskIds?: string[];
  taskId?: string;
  userId: string;
}

/**
 * One job per person among the tasks' assignees (roles and groups are resolved to people before a task
 * is created), naming every task handed to them at once — thirty tasks moving to a deputy make one
 * letter —, to be enqueued in the transaction that assigns them.
 */
export function taskEmailJobs(
  tasks: readonly { id: string; instanceId: string; assignees: readonly string[] }[],
  now: number,
): NewJob[] {
  const byPerson = new Map<string, { ids: string[]; instances: Set<string> }>();
  for (const task of tasks)
    for (const userId of peopleAmong(task.assignees)) {
      const held = byPerson.get(userId) ?? { ids: [], instances: new Set<string>() };
      held.ids.push(task.id);
      held.instances.add(task.instanceId);
      byPerson.set(userId, held);
    }
  return [...byPerson].map(([userId, { ids, instances }]) => ({
    kind: TASK_EMAIL,
    key: `${ids[0]}:email:${userId}:${now}`,
    // The process's when all are one's (a step's tasks), so the outbox lists the letter with it.
    instanceId: instances.size === 1 ? ([...instances][0] ?? null) : null,
    payload: { taskIds: ids, userId } satisfies TaskEmail,
    dueAt: now,
  }));
}

/**
 * Queues, when e-mail is on, the e-mails for tasks handed to people in `trx`; true when there are
 * some, so the caller wakes the worker once the transaction has committed.
 */
export async function queueTaskEmails(
  rt: Runtime,
  trx: Kysely<Database>,
  tasks: Parameters<typeof taskEmailJobs>[0],
  now: number,
): Promise<boolean> {
  if (!rt.mail) return false;
  const jobs = taskEmailJobs(tasks, now);
  if (jobs.length === 0) return false;
  await enqueue(trx, jobs, now);
  await announceJobs(rt.db, trx);
  return true;
}
