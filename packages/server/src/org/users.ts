import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import { BUILTIN_ROLES, type Caller } from '../access/caller.ts';
import { hashPassword } from '../auth/passwords.ts';
import { endSessions } from '../auth/sessions.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
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
import { orgTransaction } from './store.ts';

/** A role a user holds, company-wide (`departmentId: null`) or in one department. */
export interface RoleHolding {
  role: string;
  departmentId: string | null;
}

export interface UserView {
  id: string;
  login: string;
  email: string | null;
  name: string;
  position: string | null;
  departmentId: string | null;
  /** Overrides the department's head. */
  managerId: string | null;
  /** The user's head as it stands (manager override, else the department's head walking up). */
  headId: string | null;
  active: boolean;
  locale: string | null;
  timeZone: string | null;
  roles: RoleHolding[];
  groups: string[];
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The fields of a user that can be set; on create `login` and `name` are required. */
export interface UserFields {
  login?: string | undefined;
  name?: string | undefined;
  email?: string | null | undefined;
  position?: string | null | undefined;
  departmentId?: string | null | undefined;
  managerId?: string | null | undefined;
  active?: boolean | undefined;
  locale?: string | null | undefined;
  timeZone?: string | null | undefined;
  /** Replaces every role held. */
  roles?: { role: string; departmentId?: string | null | undefined }[] | undefined;
  /** Replaces every group membership. */
  groups?: string[] | undefined;
}

export interface NewUser extends UserFields {
  id?: string | undefined;
  login: string;
  name: string;
  password?: string | undefined;
}

export interface UserFilter {
  departmentId?: string | undefined;
  role?: string | undefined;
  group?: string | undefined;
  active?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Users by login, keyset-paginated. */
export async function listUsers(rt: Runtime, f: UserFilter): Promise<Page<UserView>> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = db.selectFrom('users').selectAll();
  if (f.departmentId !== undefined) q = q.where('department_id', '=', f.departmentId);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  if (f.role !== undefined) {
    const role = f.role;
    q = q.where('id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role));
  }
  if (f.group !== undefined) {
    const group = f.group;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('group_members').select('user_id').where('group_name', '=', group),
    );
  }
  if (f.cursor !== undefined) {
    const [login] = decodeCursor<[string]>(f.cursor, ['string']);
    q = q.where('login', '>', login);
  }
  const rows = await q
    .orderBy('login')
    .limit(limit + 1)
    .execute();
  const views = await viewsOf(db, rows.slice(0, limit));
  return toPage(
    rows,
    limit,
    (r) => views.get(r.id) as UserView,
    (r) => [r.login],
  );
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserView> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('user', id);
  return (await viewsOf(db, [row])).get(id) as UserView;
}

/** Creates a user (an administrator's act); the password, when given, is stored as a scrypt hash. */
export async function createUser(rt: Runtime, caller: Caller, input: NewUser): Promise<UserView> {
  demand(caller, 'manageOrganisation', 'creating users');
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const id = await orgTransaction(
    rt,
    (trx) => insertUser(trx, { ...input, passwordHash }, rt.now(), 'body'),
    { cyclePath: () => 'body.managerId' },
  );
  return getUser(rt.db.kysely, id);
}

/** Changes a user; `active: false` deactivates them (their sessions end, `onUserDeactivated` runs). */
export async function updateUser(
  rt: Runtime,
  caller: Caller,
  id: string,
  changes: UserFields,
): Promise<UserView> {
  demand(caller, 'manageOrganisation', 'changing users');
  await orgTransaction(rt, (trx) => changeUser(trx, id, changes, rt.now(), caller.userId, 'body'), {
    cyclePath: () => 'body.managerId',
  });
  return getUser(rt.db.kysely, id);
}

/** An administrator sets a new password; every session of the user ends. */
export async function resetPassword(
  rt: Runtime,
  caller: Caller,
  id: string,
  password: string,
): Promise<void> {
  demand(caller, 'manageOrganisation', 'resetting passwords');
  const hash = await hashPassword(password);
  await rt.db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: rt.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new NotFound('user', id);
    await endSessions(trx, id);
  });
}

/** The row of a new user, its roles and groups; `at` prefixes error paths (`body`, `users.4`). */
export async function insertUser(
  trx: Kysely<Database>,
  input: NewUser & { passwordHash: string | null },
  now: number,
  at: string,
): Promise<string> {
  const id = input.id ?? randomUUID();
  await checkFields(trx, { ...input, id }, at);
  await checkUnique(trx, normaliseLogin(input.login), id, true);
  await trx
    .insertInto('users')
    .values({
      id,
      login: normaliseLogin(input.login),
      email: input.email ?? null,
      name: input.name,
      position: input.position ?? null,
      department_id: input.departmentId ?? null,
      manager_id: input.managerId ?? null,
      active: input.active === false ? 0 : 1,
      locale: input.locale ?? null,
      time_zone: input.timeZone ?? null,
      password_hash: input.passwordHash,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceMemberships(trx, id, input);
  return id;
}

/** Writes changes to an existing user; deactivation ends their sessions and calls `onUserDeactivated`. */
export async function changeUser(
  trx: Kysely<Database>,
  id: string,
  changes: UserFields & { passwordHash?: string | undefined },
  now: number,
  by: string,
  at: string,
): Promise<void> {
  const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new NotFound('user', id);
  await checkFields(trx, { ...changes, id }, at);
  const set: Partial<UsersTable> = { updated_at: now };
  if (changes.login !== undefined) set.login = normaliseLogin(changes.login);
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.email !== undefined) set.email = changes.email;
  if (changes.position !== undefined) set.position = changes.position;
  if (changes.departmentId !== undefined) set.department_id = changes.departmentId;
  if (changes.managerId !== undefined) set.manager_id = changes.managerId;
  if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
  if (changes.locale !== undefined) set.locale = changes.locale;
  if (changes.timeZone !== undefined) set.time_zone = changes.timeZone;
  if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
  if (set.login !== undefined && set.login !== before.login) await checkUnique(trx, set.login, id, false);
  await trx.updateTable('users').set(set).where('id', '=', id).execute();
  await replaceMemberships(trx, id, changes);
  if (before.active === 1 && changes.active === false) {
    await endSessions(trx, id);
    await onUserDeactivated(trx, { userId: id, by, at: now });
  }
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
): Promise<void> {
  const users = trx.selectFrom('users').select(['id', 'login']);
  const clash = await (creating
    ? users.where((eb) => eb.or([eb('login', '=', login), eb('id', '=', id)]))
    : users.where('login', '=', login).where('id', '!=', id)
  ).executeTakeFirst();
  if (clash?.login === login) throw new Conflict(`the login ${login} is taken`, 'LOGIN_TAKEN');
  if (clash) throw new Conflict(`a user with id ${id} exists`, 'USER_EXISTS');
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

async function viewsOf(db: Kysely<Database>, rows: UsersTable[]): Promise<Map<string, UserView>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  const [roles, groups, heads] = await Promise.all([
    db.selectFrom('user_roles').selectAll().where('user_id', 'in', ids).orderBy('role').execute(),
    db.selectFrom('group_members').selectAll().where('user_id', 'in', ids).orderBy('group_name').execute(),
    db
      .selectFrom('reporting_lines')
      .select(['user_id', 'head_id'])
      .where('user_id', 'in', ids)
      .where('depth', '=', 1)
      .execute(),
  ]);
  const headOf = new Map(heads.map((h) => [h.user_id, h.head_id]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        login: r.login,
        email: r.email,
        name: r.name,
        position: r.position,
        departmentId: r.department_id,
        managerId: r.manager_id,
        headId: headOf.get(r.id) ?? null,
        active: r.active === 1,
        locale: r.locale,
        timeZone: r.time_zone,
        roles: roles
          .filter((h) => h.user_id === r.id)
          .map((h) => ({ role: h.role, departmentId: h.department_id === '' ? null : h.department_id })),
        groups: groups.filter((g) => g.user_id === r.id).map((g) => g.group_name),
        hasPassword: r.password_hash !== null,
        createdAt: toIso(r.created_at),
        updatedAt: toIso(r.updated_at),
      },
    ]),
  );
}
