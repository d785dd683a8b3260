import type { MailSettings } from '../../mail/settings.ts';
import { TASK_EMAIL, type TaskEmail } from '../../mail/task-jobs.ts';
import { tasksMessage } from '../../mail/task-message.ts';
import { createMailer } from '../../mail/transport.ts';
import { type JobHandler, payloadOf } from '../handler.ts';

/**
 * Tells someone by e-mail that tasks are theirs — one letter for the tasks handed to them at once —, in
 * their language, when the job runs: a task that is no longer open or no longer theirs by then
 * (answered at once, handed on) is left out, and nothing goes to a person without an e-mail address or
 * who chose not to get these (mail/preferences.ts).
 */
export function taskEmailHandler(settings: MailSettings): JobHandler {
  const send = createMailer(settings);
  return {
    kind: TASK_EMAIL,
    async run(rt, job, finish) {
      const { taskIds, taskId, userId } = payloadOf<TaskEmail>(job);
      const ids = taskIds ?? (taskId ? [taskId] : []);
      const db = rt.db.kysely;
      const reader = await db
        .selectFrom('users')
        .select(['name', 'email', 'locale', 'time_zone', 'email_tasks'])
        .where('id', '=', userId)
        .executeTakeFirst();
      const tasks =
        ids.length === 0
          ? []
          : await db
              .selectFrom('tasks')
              .innerJoin('task_assignees', 'task_assignees.task_id', 'tasks.id')
              .select(['tasks.id', 'tasks.title', 'tasks.due_at as dueAt'])
              .distinct()
              .where('tasks.id', 'in', ids)
              .where('tasks.status', '=', 'open')
              .where('task_assignees.assignee', 'in', [userId, `user:${userId}`])
              .execute();
      if (tasks.length > 0 && reader?.email && reader.email_tasks === 1) {
        const ordered = ids.flatMap((id) => tasks.filter((t) => t.id === id));
        const who = { name: reader.name, locale: reader.locale, timeZone: reader.time_zone };
        await send({ to: [reader.email], ...tasksMessage(ordered, who, settings.publicUrl), key: job.key });
      }
      await finish();
    },
  };
}
