import type { Kysely } from 'kysely';
import { moveWorkOfDeactivatedUser } from '../absences/deactivation.ts';
import type { MovedTask } from '../absences/move.ts';
import type { Database } from '../db/schema.ts';
import { departmentAncestry, departmentSubtree } from './store.ts';

/**
 * Questions about the organisation, for assignment, escalation and permissions. Each takes a
 * `Kysely<Database>` — the root (`rt.db.kysely`) or a transaction, so it reads what that transaction
 * sees — and answers user ids. Heads come from `reporting_lines`, kept in step with every change to
 * users and departments (org/reporting-lines.ts): a manager override wins over the department's head,
 * an empty or inactive seat is skipped by walking up the department tree, a head of a department
 * reports to the head above. Absences are not considered here.
 *
 * @example
 * const head = await headOf(trx, 'ann');                        // 'boris' — or null at the top
 * const chain = await headsOf(trx, 'ann');                      // ['boris', 'vera'], nearest first
 * const accountants = await usersWithRole(trx, 'accountant', { departmentId: 'branch-2' });
 */

/** The user's head (nearest first in the reporting line), or null for someone at the top. */
export async function headOf(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('reporting_lines')
    .select('head_id')
    .where('user_id', '=', userId)
    .where('depth', '=', 1)
    .executeTakeFirst();
  return row?.head_id ?? null;
}

/** Every head above the user, nearest first: for walking up when a head is absent. */
export async function headsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('reporting_lines')
    .select('head_id')
    .where('user_id', '=', userId)
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.head_id);
}

/**
 * The head of a department: its own head when that seat is filled by an active user, else the head of
 * the nearest department above with one; null when no department above has one.
 */
export async function departmentHead(db: Kysely<Database>, departmentId: string): Promise<string | null> {
  const rows = await db
    .selectFrom('departments')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'departments.head_id').on('users.active', '=', 1))
    .select(['departments.id', 'departments.parent_id', 'users.id as head'])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (let d: string | null = departmentId; d !== null && !seen.has(d); d = byId.get(d)?.parent_id ?? null) {
    seen.add(d);
    const head = byId.get(d)?.head;
    if (head) return head;
  }
  return null;
}

/** Everyone whose reporting line passes through `headId` (or only those directly below, with `direct`). */
export async function subordinatesOf(
  db: Kysely<Database>,
  headId: string,
  options: { direct?: boolean } = {},
): Promise<string[]> {
  let q = db.selectFrom('reporting_lines').select('user_id').where('head_id', '=', headId);
  if (options.direct) q = q.where('depth', '=', 1);
  const rows = await q.orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

/**
 * Active users holding `role`. With `departmentId`: those holding it in that department (or a department
 * above it), and those holding it company-wide who work in that department or below it.
 */
export async function usersWithRole(
  db: Kysely<Database>,
  role: string,
  options: { departmentId?: string } = {},
): Promise<string[]> {
  let q = db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .distinct()
    .where('user_roles.role', '=', role)
    .where('users.active', '=', 1);
  const { departmentId } = options;
  if (departmentId !== undefined) {
    const [below, above] = await Promise.all([
      departmentSubtree(db, departmentId),
      departmentAncestry(db, departmentId),
    ]);
    q = q.where((eb) =>
      eb.or([
        eb('user_roles.department_id', 'in', above),
        eb.and([eb('user_roles.department_id', '=', ''), eb('users.department_id', 'in', below)]),
      ]),
    );
  }
  const rows = await q.orderBy('users.id').execute();
  return rows.map((r) => r.id);
}

/** Active members of a group. */
export async function groupMembers(db: Kysely<Database>, group: string): Promise<string[]> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select('users.id')
    .where('group_members.group_name', '=', group)
    .where('users.active', '=', 1)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Active users of a department (and of the departments below it, with `withSubdepartments`). */
export async function departmentMembers(
  db: Kysely<Database>,
  departmentId: string,
  options: { withSubdepartments?: boolean } = {},
): Promise<string[]> {
  const departments = options.withSubdepartments ? await departmentSubtree(db, departmentId) : [departmentId];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('department_id', 'in', departments)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the user exists and is active (an assignee that can still act). */
export async function isActiveUser(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('active').where('id', '=', userId).executeTakeFirst();
  return row?.active === 1;
}

/** The user with this login (logins are compared in lower case), active or not. */
export async function userIdByLogin(db: Kysely<Database>, login: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', login.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface UserDeactivated {
  userId: string;
  /** Who deactivated them (a user id). */
  by: string;
  at: number;
}

/**
 * Runs inside the transaction that deactivates a user, after the user row is written and before the
 * reporting lines are refreshed. The assignment engine listens here: it moves the user's open tasks by
 * the absence rules (deputy, else head, else the process administrators) and records the move in each
 * instance's history (absences/deactivation.ts). Returns the tasks moved, for the caller to announce.
 */
export async function onUserDeactivated(trx: Kysely<Database>, event: UserDeactivated): Promise<MovedTask[]> {
  return moveWorkOfDeactivatedUser(trx, event);
}
