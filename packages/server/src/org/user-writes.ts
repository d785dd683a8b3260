import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MovedTask } from '../absences/move.ts';
import { BUILTIN_ROLES } from '../access/caller.ts';
import { endSessions } from '../auth/sessions.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import {
  ID_PATTERN,
  LOGIN_PATTERN,
  localeProblem,
  missing,
  normaliseLogin,
  rejectIfAny,
  timeZoneProblem,
} from './checks.ts';
import { onUserDeactivated } from './service.ts';
import type { NewUser, UserFields } from './users.ts';

/**
 * Writing users inside an organisation transaction (org/store.ts `orgTransaction`): the rows, their
 * roles and groups, every check first — used by the user routes, the CSV import and the bootstrap.
 */

/** The row of a new user, its roles and groups; `at` prefixes error paths (`body`, `users.4`). */
export async function insertUser(
  trx: Kysely<Database>,
  input: NewUser & { passwordHash: string | null },
  now: number,
  at: string,
): Promise<string> {
  const id = input.id ?? randomUUID();
  await checkFields(trx, { ...input, id }, at);
  await checkUnique(trx, normaliseLogin(input.login), id, true, at);
  await trx
    .insertInto('users')
    .values({
      id,
      login: normaliseLogin(input.login),
      email: input.email ?? null,
      phone: input.phone ?? null,
      name: input.name,
      position: input.position ?? null,
      department_id: input.departmentId ?? null,
      manager_id: input.managerId ?? null,
      active: input.active === false ? 0 : 1,
      locale: input.locale ?? null,
      time_zone: input.timeZone ?? null,
      password_hash: input.passwordHash,
      email_tasks: 1,
      email_notifications: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceMemberships(trx, id, input);
  return id;
}

/**
 * Writes changes to an existing user; deactivation ends their sessions and calls `onUserDeactivated`.
 * Returns the open tasks a deactivation moved to others (none otherwise).
 */
export async function changeUser(
  trx: Kysely<Database>,
  id: string,
  changes: UserFields & { passwordHash?: string | undefined },
  now: number,
  by: string,
  at: string,
): Promise<MovedTask[]> {
  const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new NotFound('user', id);
  await checkFields(trx, { ...changes, id }, at);
  const set: Partial<UsersTable> = { updated_at: now };
  if (changes.login !== undefined) set.login = normaliseLogin(changes.login);
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.email !== undefined) set.email = changes.email;
  if (changes.phone !== undefined) set.phone = changes.phone;
  if (changes.position !== undefined) set.position = changes.position;
  if (changes.departmentId !== undefined) set.department_id = changes.departmentId;
  if (changes.managerId !== undefined) set.manager_id = changes.managerId;
  if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
  if (changes.locale !== undefined) set.locale = changes.locale;
  if (changes.timeZone !== undefined) set.time_zone = changes.timeZone;
  if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
  if (set.login !== undefined && set.login !== before.login) await checkUnique(trx, set.login, id, false, at);
  await trx.updateTable('users').set(set).where('id', '=', id).execute();
  await replaceMemberships(trx, id, changes);
  if (before.active === 0 || changes.active !== false) return [];
  await endSessions(trx, id);
  return onUserDeactivated(trx, { userId: id, by, at: now });
}

/**
 * A login or id already used, as a 409. Checked before writing (organisation writes are serialised),
 * because after a failed insert a PostgreSQL transaction can read nothing more.
 */
async function checkUnique(
  trx: Kysely<Database>,
  login: string,
  id: string,
  creating: boolean,
  at: string,
): Promise<void> {
  const users = trx.selectFrom('users').select(['id', 'login']);
  const clash = await (creating
    ? users.where((eb) => eb.or([eb('login', '=', login), eb('id', '=', id)]))
    : users.where('login', '=', login).where('id', '!=', id)
  ).executeTakeFirst();
  if (clash?.login === login)
    throw new Conflict(`the login ${login} is taken`, 'LOGIN_TAKEN', [
      { path: `${at}.login`, message: 'taken' },
    ]);
  if (clash)
    throw new Conflict(`a user with id ${id} exists`, 'USER_EXISTS', [
      { path: `${at}.id`, message: 'exists' },
    ]);
}

async function replaceMemberships(trx: Kysely<Database>, id: string, f: UserFields): Promise<void> {
  if (f.roles !== undefined) {
    await trx.deleteFrom('user_roles').where('user_id', '=', id).execute();
    const unique = new Map(f.roles.map((r) => [`${r.role}\n${r.departmentId ?? ''}`, r]));
    if (unique.size > 0)
      await trx
        .insertInto('user_roles')
        .values(
          [...unique.values()].map((r) => ({
            role: r.role,
            department_id: r.departmentId ?? '',
            user_id: id,
          })),
        )
        .execute();
  }
  if (f.groups !== undefined) {
    await trx.deleteFrom('group_members').where('user_id', '=', id).execute();
    const groups = [...new Set(f.groups)];
    if (groups.length > 0)
      await trx
        .insertInto('group_members')
        .values(groups.map((g) => ({ group_name: g, user_id: id })))
        .execute();
  }
}

/** Every reference and format problem of the fields given, each under `${at}.<field>`. */
async function checkFields(trx: Kysely<Database>, f: UserFields & { id: string }, at: string): Promise<void> {
  const errors: FieldError[] = [];
  if (!ID_PATTERN.test(f.id))
    errors.push({ path: `${at}.id`, message: 'letters, digits, ".", "_", "-" (1–64)' });
  if (f.login !== undefined && !LOGIN_PATTERN.test(normaliseLogin(f.login)))
    errors.push({
      path: `${at}.login`,
      message: 'letters, digits and ._@+- only, starting with a letter or digit',
    });
  const locale = f.locale ? localeProblem(f.locale) : null;
  if (locale) errors.push({ path: `${at}.locale`, message: locale });
  const zone = f.timeZone ? timeZoneProblem(f.timeZone) : null;
  if (zone) errors.push({ path: `${at}.timeZone`, message: zone });
  if (f.managerId === f.id)
    errors.push({ path: `${at}.managerId`, message: 'a user cannot be their own manager' });
  const roles = f.roles ?? [];
  const [noDepartment, noManager, noRole, noGroup] = await Promise.all([
    missing(trx, 'departments', [
      ...(f.departmentId ? [f.departmentId] : []),
      ...roles.flatMap((r) => (r.departmentId ? [r.departmentId] : [])),
    ]),
    missing(trx, 'users', f.managerId && f.managerId !== f.id ? [f.managerId] : []),
    missing(
      trx,
      'roles',
      roles.map((r) => r.role),
    ),
    missing(trx, 'groups', f.groups ?? []),
  ]);
  if (f.departmentId && noDepartment.has(f.departmentId))
    errors.push({ path: `${at}.departmentId`, message: `no department ${f.departmentId}` });
  if (f.managerId && noManager.has(f.managerId))
    errors.push({ path: `${at}.managerId`, message: `no user ${f.managerId}` });
  roles.forEach((r, i) => {
    if (noRole.has(r.role)) errors.push({ path: `${at}.roles.${i}.role`, message: `no role ${r.role}` });
    else if (r.departmentId && noDepartment.has(r.departmentId))
      errors.push({ path: `${at}.roles.${i}.departmentId`, message: `no department ${r.departmentId}` });
    else if (r.departmentId && (BUILTIN_ROLES as readonly string[]).includes(r.role))
      errors.push({ path: `${at}.roles.${i}.departmentId`, message: `${r.role} is held company-wide only` });
  });
  (f.groups ?? []).forEach((g, i) => {
    if (noGroup.has(g)) errors.push({ path: `${at}.groups.${i}`, message: `no group ${g}` });
  });
  rejectIfAny(errors);
}
