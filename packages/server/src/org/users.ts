import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { hashPassword } from '../auth/passwords.ts';
import { endSessions } from '../auth/sessions.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import { queueTaskEmails } from '../mail/task-jobs.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { orgTransaction } from './store.ts';
import { changeUser, insertUser } from './user-writes.ts';

/** A role a user holds, company-wide (`departmentId: null`) or in one department. */
export interface RoleHolding {
  role: string;
  departmentId: string | null;
}

export interface UserView {
  id: string;
  login: string;
  email: string | null;
  phone: string | null;
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
  phone?: string | null | undefined;
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
  /** Those who report to this user, directly or through heads in between. */
  below?: string | undefined;
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
  if (f.below !== undefined) {
    const head = f.below;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('reporting_lines').select('user_id').where('head_id', '=', head),
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
    { linePath: () => 'body.managerId' },
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
  const mailed = await orgTransaction(
    rt,
    async (trx) => {
      const now = rt.now();
      const moved = await changeUser(trx, id, changes, now, caller.userId, 'body');
      return queueTaskEmails(rt, trx, moved, now);
    },
    { linePath: () => 'body.managerId' },
  );
  if (mailed) rt.wake();
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
        phone: r.phone,
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
