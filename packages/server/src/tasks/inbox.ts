import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { demand } from '../access/abilities.ts';
import { type Caller, personalRefs } from '../access/caller.ts';
import { assignedBelow, assignedTo, isBelow, taskVisible } from '../access/visibility.ts';
import type { Database } from '../db/schema.ts';
import { departmentSubtree } from '../org/store.ts';

/**
 * The inboxes:
 * - `mine` — tasks assigned to me: my id, `user:<me>`, or `role:<name>` of a role I hold;
 * - `subordinates` — tasks personally assigned to anyone below me (reporting_lines), `userId` narrowing
 *   it to one of them;
 * - `all` — every task of every employee (administrators and the owner: `companyInbox`), narrowed by
 *   `userId` or `departmentId` (its employees and those of the departments below it);
 * - none — every task the caller may see (access/visibility.ts).
 */
export type InboxScope = 'mine' | 'subordinates' | 'all';

export interface InboxFilter {
  scope?: InboxScope | undefined;
  userId?: string | undefined;
  departmentId?: string | undefined;
}

type TaskScope = ExpressionBuilder<Database, 'tasks'>;
export type TaskCondition = (eb: TaskScope) => Expression<SqlBool>;

const personal = (userIds: readonly string[]) => userIds.flatMap((id) => [id, `user:${id}`]);

/**
 * The condition for the tasks of an inbox; null for "no condition", `false` when nothing can match
 * (a userId that is not below the caller). Throws Forbidden for `all` without `companyInbox`.
 */
export async function inboxCondition(
  db: Kysely<Database>,
  caller: Caller,
  f: InboxFilter,
): Promise<TaskCondition | null | false> {
  if (f.scope === 'mine') return (eb) => eb('tasks.id', 'in', assignedTo(db, personalRefs(caller)));
  if (f.scope === 'subordinates') {
    if (f.userId === undefined) return (eb) => eb('tasks.id', 'in', assignedBelow(db, caller.userId));
    if (!(await isBelow(db, f.userId, caller.userId))) return false;
    const refs = personal([f.userId]);
    return (eb) => eb('tasks.id', 'in', assignedTo(db, refs));
  }
  if (f.scope === 'all') {
    demand(caller, 'companyInbox', 'the inbox of all employees (scope=all)');
    const refs = await narrowedTo(db, f);
    if (refs === null) return null;
    return (eb) => eb('tasks.id', 'in', assignedTo(db, refs));
  }
  return taskVisible(db, caller);
}

/** Assignee references for the `userId` / `departmentId` filters of `all`; null when neither is given. */
async function narrowedTo(db: Kysely<Database>, f: InboxFilter): Promise<string[] | null> {
  if (f.userId === undefined && f.departmentId === undefined) return null;
  let users = db.selectFrom('users').select('id');
  if (f.userId !== undefined) users = users.where('id', '=', f.userId);
  if (f.departmentId !== undefined)
    users = users.where('department_id', 'in', await departmentSubtree(db, f.departmentId));
  return personal((await users.execute()).map((u) => u.id));
}

export interface TaskCount {
  tasks: number;
  overdue: number;
}

/** Counts of the `all` inbox under its filters: in total, per employee and per department. */
export interface InboxCounts {
  total: TaskCount;
  /** Tasks personally assigned to each employee (role assignments count in `total` only). */
  byEmployee: (TaskCount & { userId: string; name: string; departmentId: string | null })[];
  /** Tasks of each department's employees (their own department, not the ones above). */
  byDepartment: (TaskCount & { departmentId: string | null; name: string | null })[];
}

/** The `mine` inbox's numbers: open tasks, those past their deadline, those due before today ends. */
export interface MyCounts {
  open: number;
  overdue: number;
  /** Due before the end of today in the company's time zone (overdue ones included). */
  dueToday: number;
}

/** Counts the open tasks `condition` (the `mine` inbox) selects, at `now` with today ending at `dayEnd`. */
export async function myCounts(
  db: Kysely<Database>,
  condition: TaskCondition | null,
  now: number,
  dayEnd: number,
): Promise<MyCounts> {
  let q = db.selectFrom('tasks').where('tasks.status', '=', 'open');
  if (condition !== null) q = q.where(condition);
  const row = await q
    .select([
      sql<number>`count(*)`.as('open'),
      sql<number>`count(case when tasks.due_at < ${now} then 1 end)`.as('overdue'),
      sql<number>`count(case when tasks.due_at < ${dayEnd} then 1 end)`.as('dueToday'),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue), dueToday: Number(row.dueToday) };
}

/**
 * The user a personal assignment names (`<id>` or `user:<id>`; ids hold no colon), as an expression the
 * join can look up by the users' key — going from each open task to its assignees, not from each
 * employee through every task they were ever given.
 */
const userOfAssignee = sql<string>`case when substr(task_assignees.assignee, 1, 5) = 'user:' then substr(task_assignees.assignee, 6) else task_assignees.assignee end`;

type TaskQuery = ReturnType<typeof baseForCounts>;
const baseForCounts = (db: Kysely<Database>) => db.selectFrom('tasks');

/**
 * Counts the tasks `filtered` (the list's query without its cursor and limit) selects; overdue = open
 * and past `dueAt` at `now`.
 */
export async function inboxCounts(
  db: Kysely<Database>,
  filtered: (q: TaskQuery) => TaskQuery,
  now: number,
): Promise<InboxCounts> {
  const overdue = sql<number>`count(distinct case when tasks.status = 'open' and tasks.due_at < ${now} then tasks.id end)`;
  // One task may reach an employee by both of its references (`<id>` and `user:<id>`).
  const tasks = sql<number>`count(distinct tasks.id)`;
  const withUsers = filtered(baseForCounts(db))
    .innerJoin('task_assignees', 'task_assignees.task_id', 'tasks.id')
    .innerJoin('users', (j) => j.on('users.id', '=', userOfAssignee));
  const [total, employees, departments] = await Promise.all([
    filtered(baseForCounts(db))
      .select([
        sql<number>`count(*)`.as('tasks'),
        sql<number>`count(case when tasks.status = 'open' and tasks.due_at < ${now} then 1 end)`.as(
          'overdue',
        ),
      ])
      .executeTakeFirstOrThrow(),
    withUsers
      .select(['users.id', 'users.name', 'users.department_id', tasks.as('tasks'), overdue.as('overdue')])
      .groupBy(['users.id', 'users.name', 'users.department_id'])
      .execute(),
    withUsers
      .leftJoin('departments', 'departments.id', 'users.department_id')
      .select(['users.department_id', 'departments.name', tasks.as('tasks'), overdue.as('overdue')])
      .groupBy(['users.department_id', 'departments.name'])
      .execute(),
  ]);
  const n = (v: unknown) => Number(v ?? 0);
  const byCount = (a: TaskCount, b: TaskCount) => b.tasks - a.tasks || b.overdue - a.overdue;
  return {
    total: { tasks: n(total.tasks), overdue: n(total.overdue) },
    byEmployee: employees
      .map((e) => ({
        userId: e.id,
        name: e.name,
        departmentId: e.department_id,
        tasks: n(e.tasks),
        overdue: n(e.overdue),
      }))
      .sort((a, b) => byCount(a, b) || a.userId.localeCompare(b.userId)),
    byDepartment: departments
      .map((d) => ({ departmentId: d.department_id, name: d.name, tasks: n(d.tasks), overdue: n(d.overdue) }))
      .sort((a, b) => byCount(a, b) || (a.departmentId ?? '').localeCompare(b.departmentId ?? '')),
  };
}
