import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { peopleAmong } from '../events/user-events.ts';
import { enqueue, type NewJob } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import type { Runtime } from '../runtime/context.ts';

/** The job that tells one person by e-mail that a task is theirs (jobs/handlers/task-email.ts). */
export const TASK_EMAIL = 'taskEmail';

export interface TaskEmail {
  taskId: string;
  userId: string;
}

/**
 * One job per person among each task's assignees (roles and groups are resolved to people before a
 * task is created), keyed by the assignment, to be enqueued in the transaction that assigns them.
 */
export function taskEmailJobs(
  tasks: readonly { id: string; instanceId: string; assignees: readonly string[] }[],
  now: number,
): NewJob[] {
  return tasks.flatMap((task) =>
    peopleAmong(task.assignees).map((userId) => ({
      kind: TASK_EMAIL,
      key: `${task.id}:email:${userId}:${now}`,
      instanceId: task.instanceId,
      payload: { taskId: task.id, userId } satisfies TaskEmail,
      dueAt: now,
    })),
  );
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
