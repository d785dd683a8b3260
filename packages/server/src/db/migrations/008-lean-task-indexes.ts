import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * Task indexes hold only the rows their queries can find, so a task without a deadline, or not yet
 * completed, costs no entry in them (every task was written into each index at creation and again at
 * completion, a fifth of an engine step's SQLite work):
 * - `tasks_overdue` (status, due_at) only where there is a deadline (overdue and due-today filters
 *   compare `due_at`, which implies it is not null);
 * - `tasks_completed_by` only where someone completed the task (the visibility filter compares it).
 * On SQLite `task_assignees` becomes a WITHOUT ROWID table: its primary key (assignee, task_id) is the
 * whole row, and a rowid table kept it twice (table and key index). PostgreSQL keeps its heap table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_overdue').execute();
  await db.schema
    .createIndex('tasks_overdue')
    .on('tasks')
    .columns(['status', 'due_at'])
    .where(sql.ref('due_at'), 'is not', null)
    .execute();
  await db.schema.dropIndex('tasks_completed_by').execute();
  await db.schema
    .createIndex('tasks_completed_by')
    .on('tasks')
    .column('completed_by')
    .where(sql.ref('completed_by'), 'is not', null)
    .execute();
  if (isSqlite(db)) await rebuildAssignees(db, 'without rowid');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_overdue').execute();
  await db.schema.createIndex('tasks_overdue').on('tasks').columns(['status', 'due_at']).execute();
  await db.schema.dropIndex('tasks_completed_by').execute();
  await db.schema.createIndex('tasks_completed_by').on('tasks').column('completed_by').execute();
  if (isSqlite(db)) await rebuildAssignees(db, '');
}

/** SQLite cannot change a table's storage in place: a new table, the rows copied, the old one dropped. */
async function rebuildAssignees(db: Kysely<unknown>, storage: 'without rowid' | ''): Promise<void> {
  await sql`create table task_assignees_new (
    task_id text not null,
    assignee text not null,
    constraint task_assignees_pk primary key (assignee, task_id)
  ) ${sql.raw(storage)}`.execute(db);
  await sql`insert into task_assignees_new (task_id, assignee) select task_id, assignee from task_assignees`.execute(
    db,
  );
  await sql`drop table task_assignees`.execute(db);
  await sql`alter table task_assignees_new rename to task_assignees`.execute(db);
}
