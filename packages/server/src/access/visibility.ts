import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { can } from './abilities.ts';
import { type Caller, personalRefs } from './caller.ts';

/**
 * Who sees which work, as SQL conditions list queries filter with (so pages and counts never include
 * what the caller may not see) and single reads use too (so an invisible thing is a 404, exactly like
 * one that does not exist):
 * - a task: its assignees (the user id, `user:<id>`, or `role:<name>` of a role they hold), whoever
 *   completed it, the heads above those people (reporting_lines), and `seeAllWork` (administrators,
 *   process administrators, the owner);
 * - an instance: the people of any of its tasks as above, its starter and the heads above them, those
 *   the template's `view` right names, and `seeAllWork`.
 * Heads see their subordinates' personal assignments, not role assignments a subordinate could take.
 */
type TaskScope = ExpressionBuilder<Database, 'tasks'>;
type InstanceScope = ExpressionBuilder<Database, 'instances'>;

/** The caller's subordinates (everyone whose reporting line passes through them). */
const subordinates = (db: Kysely<Database>, headId: string) =>
  db
    .selectFrom('reporting_lines')
    .select('reporting_lines.user_id')
    .where('reporting_lines.head_id', '=', headId);

/** `user:<id>` of each subordinate: the other way a personal assignment is written. */
const subordinateRefs = (db: Kysely<Database>, headId: string) =>
  db
    .selectFrom('reporting_lines')
    .select(sql<string>`'user:' || reporting_lines.user_id`.as('ref'))
    .where('reporting_lines.head_id', '=', headId);

/** Tasks assigned to one of `refs` (assignee references in task_assignees). */
export const assignedTo = (db: Kysely<Database>, refs: readonly string[]) =>
  db
    .selectFrom('task_assignees')
    .select('task_assignees.task_id')
    .where('task_assignees.assignee', 'in', [...refs]);

/** Tasks personally assigned to someone below `headId`. */
export const assignedBelow = (db: Kysely<Database>, headId: string) =>
  db
    .selectFrom('task_assignees')
    .select('task_assignees.task_id')
    .where((w) =>
      w.or([
        w('task_assignees.assignee', 'in', subordinates(db, headId)),
        w('task_assignees.assignee', 'in', subordinateRefs(db, headId)),
      ]),
    );

/** The task is the caller's or a subordinate's (assigned or completed): the people-based rule. */
function peopleTask(db: Kysely<Database>, eb: TaskScope, caller: Caller): Expression<SqlBool> {
  const me = caller.userId;
  return eb.or([
    eb('tasks.id', 'in', assignedTo(db, personalRefs(caller))),
    eb('tasks.id', 'in', assignedBelow(db, me)),
    eb('tasks.completed_by', '=', me),
    eb('tasks.completed_by', 'in', subordinates(db, me)),
  ]);
}

/** The condition on `tasks` for the tasks the caller may see; null when they see every task (`seeAllWork`). */
export function taskVisible(
  db: Kysely<Database>,
  caller: Caller,
): ((eb: TaskScope) => Expression<SqlBool>) | null {
  if (can(caller, 'seeAllWork')) return null;
  return (eb) => peopleTask(db, eb, caller);
}

/**
 * The condition on `instances` for the instances the caller may see (`viewKeys`: the templates whose view
 * right names them); null when they see every instance (`seeAllWork`).
 */
export function instanceVisible(
  db: Kysely<Database>,
  caller: Caller,
  viewKeys: readonly string[],
): ((eb: InstanceScope) => Expression<SqlBool>) | null {
  if (can(caller, 'seeAllWork')) return null;
  const me = caller.userId;
  return (eb) =>
    eb.or([
      eb('instances.started_by', '=', me),
      eb('instances.started_by', 'in', subordinates(db, me)),
      eb(
        'instances.id',
        'in',
        db
          .selectFrom('tasks')
          .select('tasks.instance_id')
          .where((t) => peopleTask(db, t, caller)),
      ),
      ...(viewKeys.length > 0 ? [eb('instances.definition_key', 'in', [...viewKeys])] : []),
    ]);
}

/** Whether `userId` is below `headId` (for the `subordinates` inbox filter). */
export async function isBelow(db: Kysely<Database>, userId: string, headId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reporting_lines')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('head_id', '=', headId)
    .executeTakeFirst();
  return row !== undefined;
}
