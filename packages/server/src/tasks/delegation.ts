import type { Delegation } from '@baton/engine';
import type { Kysely } from 'kysely';
import { rolesHeld } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';
import { headsOf } from '../org/service.ts';
import { Forbidden, NotFound, Unprocessable } from '../runtime/errors.ts';

/** Roles that hand on any task whatever its template allows: they unblock stuck work. */
const OVERRIDING_ROLES = ['administrator', 'processAdministrator'];

/**
 * Checks a delegation against the task's policy (the template's `delegation`, kept in the task's form):
 * `anyone`; `subordinate` — `to` must be below the delegating user (their reporting line passes through
 * them: a department they head, or a manager override naming them); `nobody`. Administrators and
 * process administrators are not bound by it. A subordinate must be an active user.
 *
 * @throws Forbidden `DELEGATION_NOT_ALLOWED` (the template forbids delegating this task) or
 *   `NOT_A_SUBORDINATE`; Unprocessable `INVALID_DELEGATE` for an unknown or inactive target.
 */
export async function checkDelegationPolicy(
  db: Kysely<Database>,
  taskId: string,
  actorId: string,
  to: string,
): Promise<void> {
  const task = await db.selectFrom('tasks').select('form').where('id', '=', taskId).executeTakeFirst();
  if (!task) throw new NotFound('task', taskId);
  const policy = (JSON.parse(task.form) as { delegation?: Delegation }).delegation ?? 'anyone';
  if (policy === 'anyone') return;
  const roles = await rolesHeld(db, actorId);
  if (roles.some((r) => OVERRIDING_ROLES.includes(r))) return;
  if (policy === 'nobody')
    throw new Forbidden(`the template does not let task ${taskId} be handed on`, 'DELEGATION_NOT_ALLOWED');
  const target = await db.selectFrom('users').select('active').where('id', '=', to).executeTakeFirst();
  if (target?.active !== 1) {
    const message = target ? `user ${to} is not active` : `no user ${to}`;
    throw new Unprocessable(message, [{ path: 'body.to', message }], 'INVALID_DELEGATE');
  }
  if (!(await headsOf(db, to)).includes(actorId))
    throw new Forbidden(
      `task ${taskId} may be handed only to someone below you, and ${to} is not`,
      'NOT_A_SUBORDINATE',
    );
}
