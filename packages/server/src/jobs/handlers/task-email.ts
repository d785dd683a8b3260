import type { MailSettings } from '../../mail/settings.ts';
import { TASK_EMAIL, type TaskEmail } from '../../mail/task-jobs.ts';
import { taskMessage } from '../../mail/task-message.ts';
import { createMailer } from '../../mail/transport.ts';
import { type JobHandler, payloadOf } from '../handler.ts';

/**
 * Tells someone by e-mail that a task is theirs, in their language, when the job runs: a task that is
 * no longer open or no longer theirs by then (answered at once, handed on) sends nothing, and neither
 * does a person without an e-mail address or who chose not to get these (mail/preferences.ts).
 */
export function taskEmailHandler(settings: MailSettings): JobHandler {
  const send = createMailer(settings);
  return {
    kind: TASK_EMAIL,
    async run(rt, job, finish) {
      const { taskId, userId } = payloadOf<TaskEmail>(job);
      const db = rt.db.kysely;
      const task = await db
        .selectFrom('tasks')
        .innerJoin('task_assignees', 'task_assignees.task_id', 'tasks.id')
        .select(['tasks.id', 'tasks.title', 'tasks.due_at'])
        .where('tasks.id', '=', taskId)
        .where('tasks.status', '=', 'open')
        .where('task_assignees.assignee', 'in', [userId, `user:${userId}`])
        .executeTakeFirst();
      const reader = await db
        .selectFrom('users')
        .select(['name', 'email', 'locale', 'time_zone', 'email_tasks'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (task && reader?.email && reader.email_tasks === 1) {
        const message = taskMessage(
          { id: task.id, title: task.title, dueAt: task.due_at },
          { name: reader.name, locale: reader.locale, timeZone: reader.time_zone },
          settings.publicUrl,
        );
        await send({ to: [reader.email], ...message, key: job.key });
      }
      await finish();
    },
  };
}
