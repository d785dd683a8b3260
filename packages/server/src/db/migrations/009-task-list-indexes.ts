import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * Task lists come newest first, and the company's inbox counts open tasks per employee; without these
 * every page read and sorted all tasks its filters let through (100,000 tasks — a year of a
 * 160-person company — made the owner's all-tasks page 0.7 s of the server's one thread). Now:
 * - `tasks_open` (created_at, id) holds only open tasks: the open lists walk it in order and stop at
 *   the page's end, and their counts read only the open tasks (a task leaves it when it completes);
 * - `task_assignees_task` (task_id): from a task to its assignees, for the counts per employee (the
 *   primary key starts with the assignee, for "my tasks").
 * `tasks_overdue` (status, due_at) goes: its filters (overdue, due today) are of open tasks, which
 * `tasks_open` now holds, and it cost every task with a deadline an entry moved at completion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL reads a table's rows apart from its indexes: with what the counts read of an open task
  // in the index, they never visit the table (else its planner prefers scanning every task).
  const covering = isSqlite(db) ? sql`` : sql`include (instance_id, due_at, status)`;
  await sql`create index tasks_open on tasks (created_at, id) ${covering} where status = 'open'`.execute(db);
  await db.schema.createIndex('task_assignees_task').on('task_assignees').column('task_id').execute();
  await db.schema.dropIndex('tasks_overdue').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('tasks_overdue')
    .on('tasks')
    .columns(['status', 'due_at'])
    .where(sql.ref('due_at'), 'is not', null)
    .execute();
  await db.schema.dropIndex('task_assignees_task').execute();
  await db.schema.dropIndex('tasks_open').execute();
}
