import { type EngineEvent, type Field, type TaskOutcome, validateValues } from '@baton/engine';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { actingAs, can } from '../access/abilities.ts';
import { type Caller, personalRefs } from '../access/caller.ts';
import { assignedBelow, assignedTo } from '../access/visibility.ts';
import { endOfToday } from '../calendar/today.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { Database, InstancesTable, TasksTable } from '../db/schema.ts';
import { compiledDefinition } from '../definitions/compiled-cache.ts';
import { publishUserEvent, taskAssigned } from '../events/user-events.ts';
import { stepOn, stepTransaction } from '../instances/apply.ts';
import { recordReassignment } from '../instances/reassign.ts';
import { queueTaskEmails } from '../mail/task-jobs.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, Forbidden, Unprocessable } from '../runtime/errors.ts';
import { fileFieldsOf } from '../uploads/file-fields.ts';
import { fileValueProblems, instanceOwner, linkFiles } from '../uploads/store.ts';
import { toIso, toIsoOrNull } from '../util/time.ts';
import { completionProblems, withComment } from './completion.ts';
import { checkDelegationPolicy } from './delegation.ts';
import {
  type InboxCounts,
  type InboxFilter,
  inboxCondition,
  inboxCounts,
  type MyCounts,
  myCounts,
  type TaskCondition,
} from './inbox.ts';
import { type Redirect, redirectsOf, warningOf } from './redirects.ts';
import {
  findTask,
  findToComplete,
  findVisible,
  instanceOf,
  type TaskRow,
  type TaskToComplete,
  tasks,
} from './task-rows.ts';

export type TaskStatus = TasksTable['status'];

export interface TaskView {
  id: string;
  instanceId: string;
  definitionKey: string;
  /** What its process is about (`deal:<id>`, `file:<id>`, …), or null. */
  documentRef: string | null;
  nodeId: string;
  status: TaskStatus;
  kind: string;
  title: string;
  assignees: string[];
  role: string | null;
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  outcome: string | null;
  /** The comment it was completed with. */
  comment: string | null;
  /** Where it went instead of whom it was meant for, and why (absence, inactive user, no match). */
  redirects: Redirect[];
  /** Set when its assignees matched no one and it went to the process administrators. */
  warning: string | null;
}

export interface TaskForm {
  description: string | null;
  fields: Field[];
  outcomes: TaskOutcome[];
}

export interface TaskDetail extends TaskView {
  form: TaskForm;
}

export interface TaskFilter extends InboxFilter {
  instanceId?: string | undefined;
  status?: TaskStatus | undefined;
  assignee?: string | undefined;
  /** Open tasks whose deadline has passed. */
  overdue?: boolean | undefined;
  /** Open tasks due before the end of today in the company's time zone (true), or the others (false). */
  dueToday?: boolean | undefined;
  definitionKey?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** A page of tasks; the `all` inbox adds counts per employee and department, `mine` my open ones. */
export interface TaskPage extends Page<TaskView> {
  counts?: InboxCounts | MyCounts;
}

/** The instants the list's time filters compare with. */
interface Moment {
  now: number;
  /** The end of the company's current day (calendar/today.ts). */
  dayEnd: number;
}

/**
 * The tasks of an inbox (inbox.ts) — without a scope, every task the caller sees — under the filters;
 * newest first (created_at desc, id desc), keyset-paginated.
 */
export async function listTasks(rt: Runtime, caller: Caller, f: TaskFilter): Promise<TaskPage> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  const condition = await inboxCondition(db, caller, f);
  if (condition === false) return { items: [], nextCursor: null };
  const now = rt.now();
  const at: Moment = {
    now,
    dayEnd: f.dueToday !== undefined || f.scope === 'mine' ? await endOfToday(db, now) : now,
  };
  let q = filtered(db.selectFrom('tasks').select('tasks.id'), f, at, condition);
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where((eb) =>
      eb.or([
        eb('tasks.created_at', '<', at),
        eb.and([eb('tasks.created_at', '=', at), eb('tasks.id', '<', id)]),
      ]),
    );
  }
  // The page's ids first, then their rows: where no index has the order, SQLite's sorter would copy
  // every selected row whole (form, assignees) — 3.5× the time of sorting the keys at 100,000 tasks.
  const pageIds = q
    .orderBy('tasks.created_at', 'desc')
    .orderBy('tasks.id', 'desc')
    .limit(limit + 1);
  const rows = await tasks(db)
    .where('tasks.id', 'in', pageIds)
    .orderBy('tasks.created_at', 'desc')
    .orderBy('tasks.id', 'desc')
    .execute();
  const page = toPage(rows, limit, viewOf, (r) => [r.created_at, r.id]);
  // My counts are of my whole inbox (the bell's numbers), not of the list's narrowing.
  if (f.scope === 'mine') return { ...page, counts: await myCounts(db, condition, at.now, at.dayEnd) };
  if (f.scope !== 'all') return page;
  return { ...page, counts: await inboxCounts(db, (base) => filtered(base, f, at, condition), now) };
}

/**
 * The list's filters (not its cursor) on any query over tasks. The process is matched through the
 * instances' key, not a join, so counts and pages without that filter read tasks alone.
 */
function filtered<O>(
  query: SelectQueryBuilder<Database, 'tasks', O>,
  f: TaskFilter,
  { now, dayEnd }: Moment,
  condition: TaskCondition | null,
): SelectQueryBuilder<Database, 'tasks', O> {
  let q = query;
  if (condition !== null) q = q.where(condition);
  if (f.instanceId !== undefined) q = q.where('tasks.instance_id', '=', f.instanceId);
  if (f.status !== undefined) q = q.where('tasks.status', '=', f.status);
  const key = f.definitionKey;
  if (key !== undefined)
    q = q.where('tasks.instance_id', 'in', (eb) =>
      eb.selectFrom('instances').select('instances.id').where('instances.definition_key', '=', key),
    );
  if (f.overdue === true) q = q.where('tasks.status', '=', 'open').where('tasks.due_at', '<', now);
  if (f.overdue === false)
    q = q.where((eb) => eb.or([eb('tasks.due_at', 'is', null), eb('tasks.due_at', '>=', now)]));
  if (f.dueToday === true) q = q.where('tasks.status', '=', 'open').where('tasks.due_at', '<', dayEnd);
  if (f.dueToday === false)
    q = q.where((eb) => eb.or([eb('tasks.due_at', 'is', null), eb('tasks.due_at', '>=', dayEnd)]));
  if (f.assignee !== undefined) {
    const assignee = f.assignee;
    q = q.where('tasks.id', 'in', (eb) =>
      eb.selectFrom('task_assignees').select('task_id').where('assignee', '=', assignee),
    );
  }
  return q;
}

/** Every task of one instance, oldest first (for the instance card). */
export async function tasksOfInstance(rt: Runtime, instanceId: string): Promise<TaskView[]> {
  const rows = await tasks(rt.db.kysely)
    .where('tasks.instance_id', '=', instanceId)
    .orderBy('tasks.created_at')
    .orderBy('tasks.id')
    .execute();
  return rows.map(viewOf);
}

/** A task the caller sees, with its form; any other is a 404. */
export async function getTask(rt: Runtime, caller: Caller, id: string): Promise<TaskDetail> {
  const row = await findVisible(rt.db.kysely, caller, id);
  return { ...viewOf(row), form: JSON.parse(row.form) as TaskForm };
}

export interface Completion {
  variables: Record<string, unknown>;
  outcome?: string | undefined;
  /** Someone else recorded as completing it (administrators only); default the caller. */
  actor?: string | undefined;
  /** Stored with the task and passed to the process as the `comment` variable. */
  comment?: string | undefined;
}

export interface Completed {
  task: TaskView;
  instance: { id: string; status: InstancesTable['status'] };
}

/**
 * Completes an open task. Variables are checked against the process's variables and the task's form
 * fields (422 naming `variables.x`), the outcome against the task's outcomes; a task no longer open, or
 * an instance no longer running, is a 409. The instance may fail on the step this completion causes:
 * the answer says so, and a retry of the instance re-applies this completion. The checks, the step and
 * the answer's reading of the task share one transaction: nothing changes between them.
 */
export function completeTask(rt: Runtime, caller: Caller, id: string, c: Completion): Promise<Completed> {
  return stepTransaction(rt, async (trx, wakeWorkers) => {
    const { row, event } = await checkedCompletion(trx, caller, id, c);
    const { result, completedTask } = await stepOn(rt, trx, instanceOf(row), event, wakeWorkers);
    // The row as the step wrote it; a step that failed the instance left the task open, as read again.
    const task = completedTask ? { ...row, ...completedTask } : await findTask(trx, id);
    return {
      task: viewOf(task),
      instance: { id: row.instance_id, status: result.state.status },
    };
  });
}

/** The task and the engine event completing it, once the caller may and the values fit (completeTask). */
async function checkedCompletion(
  trx: Kysely<Database>,
  caller: Caller,
  id: string,
  c: Completion,
): Promise<{ row: TaskToComplete; event: EngineEvent }> {
  const row = await findToComplete(trx, caller, id);
  if (!can(caller, 'completeAnyTask') && !(await isAssignee(trx, caller, id)))
    throw new Forbidden(`task ${id} is not assigned to you`);
  const actor = await actingAs(trx, caller, c.actor);
  if (row.status !== 'open') throw new Conflict(`task ${id} is ${row.status}`, 'TASK_NOT_OPEN');
  const compiled = await compiledDefinition(trx, row.definition_key, row.definition_version);
  const form = JSON.parse(row.form) as TaskForm;
  const byId = new Map<string, Field>(compiled.definition.variables.map((f) => [f.id, f]));
  for (const f of form.fields) byId.set(f.id, f);
  const { values, problems } = validateValues([...byId.values()], c.variables, {
    prefix: 'variables',
    partial: true,
  });
  const outcomes = form.outcomes.map((o) => o.id);
  if (c.outcome !== undefined && outcomes.length > 0 && !outcomes.includes(c.outcome))
    problems.push({ path: 'outcome', message: `"${c.outcome}" is not one of ${outcomes.join(', ')}` });
  problems.push(...completionProblems(row.kind, form.fields, c));
  const files = fileFieldsOf([...byId.values()]);
  const owner = instanceOwner(row.instance_id);
  problems.push(
    ...(await fileValueProblems(
      trx,
      files,
      values,
      { uploader: caller.userId, owners: [owner] },
      'variables',
    )),
  );
  if (problems.length > 0)
    throw new Unprocessable(
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems,
      'INVALID_VARIABLES',
    );
  await linkFiles(trx, owner, files, values);
  const event: EngineEvent = {
    type: 'taskCompleted',
    taskId: engineTaskId(row),
    variables: withComment(values, c.comment),
    ...(c.outcome === undefined ? {} : { outcome: c.outcome }),
    actor,
  };
  return { row, event };
}

/**
 * Hands an open task to someone else: its assignees become `[to]`, and the engine records the change
 * (reminders and escalation follow the task; a `task.delegated` history row says who did it).
 */
export async function delegateTask(
  rt: Runtime,
  caller: Caller,
  id: string,
  to: string,
  actorId?: string,
): Promise<TaskView> {
  const db = rt.db.kysely;
  await findVisible(db, caller, id);
  if (!(await mayDelegate(db, caller, id)))
    throw new Forbidden(`you may not hand task ${id} to someone else`);
  const actor = (await actingAs(db, caller, actorId)).id;
  await checkDelegationPolicy(db, id, actor, to);
  const mailed = await db.transaction().execute(async (trx) => {
    const row = await findTask(trx, id);
    const now = rt.now();
    const moved = await trx
      .updateTable('tasks')
      .set({ assignees: JSON.stringify([to]) })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new Conflict(`task ${id} is ${row.status}`, 'TASK_NOT_OPEN');
    // By the whole key (assignee, task_id): the rows are those the task's `assignees` lists.
    const held = JSON.parse(row.assignees) as string[];
    if (held.length > 0)
      await trx
        .deleteFrom('task_assignees')
        .where('assignee', 'in', held)
        .where('task_id', '=', id)
        .execute();
    await trx.insertInto('task_assignees').values({ task_id: id, assignee: to }).execute();
    await publishUserEvent(trx, ...taskAssigned([to], { id, title: row.title, instanceId: row.instance_id }));
    await recordReassignment(
      trx,
      row.instance_id,
      {
        type: 'taskReassigned',
        taskId: engineTaskId(row),
        assignees: [to],
        cause: 'delegated',
        actor: { id: actor },
      },
      now,
    );
    return queueTaskEmails(rt, trx, [{ id, instanceId: row.instance_id, assignees: [to] }], now);
  });
  if (mailed) rt.wake();
  return viewOf(await findTask(rt.db.kysely, id));
}

/** Whether the task is assigned to the caller: their id, `user:<id>` or a role they hold. */
async function isAssignee(db: Kysely<Database>, caller: Caller, id: string): Promise<boolean> {
  const row = await assignedTo(db, personalRefs(caller))
    .where('task_assignees.task_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Its assignees, their heads, and those with `delegateAnyTask` may hand a task on. */
async function mayDelegate(db: Kysely<Database>, caller: Caller, id: string): Promise<boolean> {
  if (can(caller, 'delegateAnyTask') || (await isAssignee(db, caller, id))) return true;
  const below = await assignedBelow(db, caller.userId)
    .where('task_assignees.task_id', '=', id)
    .executeTakeFirst();
  return below !== undefined;
}

/** The API id is `instanceId:engineTaskId` (instances/effects.ts taskKey). */
const engineTaskId = (row: TasksTable) => row.id.slice(row.instance_id.length + 1);

function viewOf(row: TaskRow): TaskView {
  return {
    id: row.id,
    instanceId: row.instance_id,
    definitionKey: row.definition_key,
    documentRef: row.document_ref,
    nodeId: row.node_id,
    status: row.status,
    kind: row.kind,
    title: row.title,
    assignees: JSON.parse(row.assignees) as string[],
    role: row.role,
    dueAt: toIsoOrNull(row.due_at),
    createdAt: toIso(row.created_at),
    completedAt: toIsoOrNull(row.completed_at),
    completedBy: row.completed_by,
    outcome: row.outcome,
    comment: row.comment,
    ...assignmentNotes(row.form),
  };
}

/** Whom the task was meant for where it went elsewhere, and a warning when no one matched. */
function assignmentNotes(form: string): Pick<TaskView, 'redirects' | 'warning'> {
  const redirects = redirectsOf(form);
  return { redirects, warning: warningOf(redirects) };
}
