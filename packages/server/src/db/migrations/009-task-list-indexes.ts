import { type Kysely, sql } from 'kysely';

/**
 * Task lists come newest first, and the company's inbox counts open tasks per employee; without these
 * every page read and sorted all tasks its filters let through (100,000 tasks — a year of a
 * 160-person company — made the all-tasks page 0.8 s of the server's one thread). Now:
 * - `tasks_open` (created_at, id) holds only open tasks: the open lists walk it in order and stop at
 *   the page's end, and their counts read only the open tasks (a task leaves it when it completes);
 * - `tasks_created` (created_at, id): lists of every status, or of finished ones, in the same way;
 * - `task_assignees_task` (task_id): from a task to its assignees, for the counts per employee (the
 *   primary key starts with the assignee, for "my tasks").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('tasks_open')
    .on('tasks')
    .columns(['created_at', 'id'])
    .where(sql.ref('status'), '=', sql.lit('open'))
    .execute();
  await db.schema.createIndex('tasks_created').on('tasks').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('task_assignees_task').on('task_assignees').column('task_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('task_assignees_task').execute();
  await db.schema.dropIndex('tasks_created').execute();
  await db.schema.dropIndex('tasks_open').execute();
}
