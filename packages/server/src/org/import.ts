import type { Kysely } from 'kysely';
import type { MovedTask } from '../absences/move.ts';
import { demand } from '../access/abilities.ts';
import { BUILTIN_ROLES, type Caller } from '../access/caller.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Database } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import { queueTaskEmails } from '../mail/task-jobs.ts';
import type { Runtime } from '../runtime/context.ts';
import { Unprocessable } from '../runtime/errors.ts';
import { changeDepartment, insertDepartment } from './departments.ts';
import { type DepartmentRow, departmentColumns, readRows, type UserRow, userColumns } from './import-rows.ts';
import { orgTransaction } from './store.ts';
import { changeUser, insertUser } from './user-writes.ts';

export interface ImportInput {
  /** CSV: id, name, parent, head. */
  departments?: string | undefined;
  /** CSV: login, name, email, phone, position, department, manager, password, roles, groups, locale, timeZone, active, id. */
  users?: string | undefined;
  /** Check everything, write nothing. */
  dryRun?: boolean | undefined;
}

export interface ImportReport {
  dryRun: boolean;
  departments: { created: number; updated: number };
  users: { created: number; updated: number };
}

/** A file with errors: every one of them, by row (`users.7.department`), and nothing written. */
export class ImportFailed extends Unprocessable {
  constructor(errors: FieldError[]) {
    super(
      `the import has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was imported`,
      errors,
      'IMPORT_FAILED',
    );
  }
}

/**
 * Imports departments and users from CSV in one transaction: all rows or none. Departments are matched
 * by `id`, users by `login`; a matched one is updated with the columns the file has (an empty cell
 * clears the field, except `password`, which only ever sets one). Parents, heads and managers may refer
 * to rows later in the file or to what is already stored.
 */
export async function importOrganisation(
  rt: Runtime,
  caller: Caller,
  input: ImportInput,
): Promise<ImportReport> {
  demand(caller, 'manageOrganisation', 'importing the organisation');
  const errors: FieldError[] = [];
  const departments = readRows('departments', input.departments, departmentColumns, errors);
  const users = readRows('users', input.users, userColumns, errors);
  const hashes = await hashAll(users.rows);
  const report: ImportReport = {
    dryRun: input.dryRun === true,
    departments: { created: 0, updated: 0 },
    users: { created: 0, updated: 0 },
  };
  const rowOfUser = new Map<string, number>();
  const loginOfUser = new Map<string, string>();
  let mailed = false;
  await orgTransaction(
    rt,
    async (trx) => {
      const known = await loadKnown(trx);
      errors.push(
        ...checkDepartments(departments.rows, known),
        ...checkUsers(users.rows, known, departments.rows),
      );
      if (errors.length > 0) throw new ImportFailed(sortErrors(errors));
      const now = rt.now();
      for (const d of departments.rows) {
        if (known.departments.has(d.id)) report.departments.updated++;
        else report.departments.created++;
      }
      for (const u of users.rows) {
        if (known.logins.has(u.login)) report.users.updated++;
        else report.users.created++;
      }
      if (report.dryRun) return;
      await writeDepartments(trx, departments.rows, known, now);
      const { ids, moved } = await writeUsers(trx, users.rows, known, hashes, now, caller.userId);
      mailed = await queueTaskEmails(rt, trx, moved, now);
      for (const [i, u] of users.rows.entries()) {
        rowOfUser.set(ids[i] as string, u.row);
        loginOfUser.set(ids[i] as string, u.login);
      }
      const idOf = (login: string) =>
        ids[users.rows.findIndex((u) => u.login === login)] ?? known.logins.get(login);
      for (const [i, u] of users.rows.entries())
        if (u.manager !== undefined)
          await changeUser(
            trx,
            ids[i] as string,
            { managerId: u.manager && (idOf(u.manager) ?? null) },
            now,
            caller.userId,
            `users.${u.row}`,
          );
      for (const d of departments.rows)
        if (d.head !== undefined)
          await changeDepartment(
            trx,
            d.id,
            { headId: d.head && (idOf(d.head) ?? null) },
            now,
            `departments.${d.row}`,
          );
    },
    {
      linePath: (id) => `users.${rowOfUser.get(id) ?? id}.manager`,
      nameOf: (id) => loginOfUser.get(id) ?? id,
    },
  );
  if (mailed) rt.wake();
  return report;
}

interface Known {
  departments: Map<string, { parentId: string | null }>;
  /** login → id */
  logins: Map<string, string>;
  /** id → login */
  userIds: Map<string, string>;
  roles: Set<string>;
  groups: Set<string>;
}

async function loadKnown(trx: Kysely<Database>): Promise<Known> {
  const [departments, users, roles, groups] = await Promise.all([
    trx.selectFrom('departments').select(['id', 'parent_id']).execute(),
    trx.selectFrom('users').select(['id', 'login']).execute(),
    trx.selectFrom('roles').select('name').execute(),
    trx.selectFrom('groups').select('name').execute(),
  ]);
  return {
    departments: new Map(departments.map((d) => [d.id, { parentId: d.parent_id }])),
    logins: new Map(users.map((u) => [u.login, u.id])),
    userIds: new Map(users.map((u) => [u.id, u.login])),
    roles: new Set(roles.map((r) => r.name)),
    groups: new Set(groups.map((g) => g.name)),
  };
}

function checkDepartments(rows: DepartmentRow[], known: Known): FieldError[] {
  const errors: FieldError[] = [];
  const parents = new Map([...known.departments].map(([id, d]) => [id, d.parentId]));
  for (const d of rows) if (d.parent !== undefined || !parents.has(d.id)) parents.set(d.id, d.parent || null);
  for (const d of rows) {
    const at = `departments.${d.row}`;
    if (d.parent && !parents.has(d.parent))
      errors.push({
        path: `${at}.parent`,
        row: d.row,
        message: `no department ${d.parent} (in this file or stored)`,
      });
    const seen = new Set<string>();
    for (let p = parents.get(d.id) ?? null; p !== null; p = parents.get(p) ?? null) {
      if (p === d.id) {
        errors.push({
          path: `${at}.parent`,
          row: d.row,
          message: `department ${d.id} would be inside itself`,
        });
        break;
      }
      if (seen.has(p)) break;
      seen.add(p);
    }
  }
  return errors;
}

function checkUsers(rows: UserRow[], known: Known, departments: DepartmentRow[]): FieldError[] {
  const errors: FieldError[] = [];
  const fileDepartments = new Set(departments.map((d) => d.id));
  const fileLogins = new Map(rows.map((u) => [u.login, u]));
  const department = (id: string) => fileDepartments.has(id) || known.departments.has(id);
  const activeLogin = (login: string) =>
    fileLogins.get(login)?.active !== false && (fileLogins.has(login) || known.logins.has(login));
  for (const u of rows) {
    const at = `users.${u.row}`;
    const push = (field: string, message: string) =>
      errors.push({ path: `${at}.${field}`, row: u.row, message });
    if (u.department && !department(u.department)) push('department', `no department ${u.department}`);
    if (u.manager && !fileLogins.has(u.manager) && !known.logins.has(u.manager))
      push('manager', `no user with login ${u.manager}`);
    if (u.manager && u.manager === u.login) push('manager', 'a user cannot be their own manager');
    if (u.id !== undefined && known.userIds.has(u.id) && known.userIds.get(u.id) !== u.login)
      push('id', `id ${u.id} belongs to ${known.userIds.get(u.id)}`);
    for (const r of u.roles ?? []) {
      if (!known.roles.has(r.role)) push('roles', `no role ${r.role}`);
      else if (r.departmentId && (BUILTIN_ROLES as readonly string[]).includes(r.role))
        push('roles', `${r.role} is held company-wide only`);
      if (r.departmentId && !department(r.departmentId)) push('roles', `no department ${r.departmentId}`);
    }
    for (const g of u.groups ?? []) if (!known.groups.has(g)) push('groups', `no group ${g}`);
  }
  for (const d of departments)
    if (d.head && !activeLogin(d.head))
      errors.push({
        path: `departments.${d.row}.head`,
        row: d.row,
        message: `no active user with login ${d.head}`,
      });
  return errors;
}

async function writeDepartments(trx: Kysely<Database>, rows: DepartmentRow[], known: Known, now: number) {
  for (const d of rows) {
    const at = `departments.${d.row}`;
    if (known.departments.has(d.id)) await changeDepartment(trx, d.id, { name: d.name }, now, at);
    else await insertDepartment(trx, { id: d.id, name: d.name }, now, at);
  }
  // Parents last (a parent may come later in the file), written as they are: checkDepartments has
  // checked them and their circles for the whole file, and changeDepartment would read every
  // department again for each row (3,000 departments: 6.7 s of the server's thread).
  for (const d of rows)
    if (d.parent !== undefined)
      await trx
        .updateTable('departments')
        .set({ parent_id: d.parent || null, updated_at: now })
        .where('id', '=', d.id)
        .execute();
}

/**
 * Users without their managers (a manager may come later in the file); returns their ids in row order
 * and the open tasks that deactivations moved to others.
 */
async function writeUsers(
  trx: Kysely<Database>,
  rows: UserRow[],
  known: Known,
  hashes: Map<number, string>,
  now: number,
  by: string,
): Promise<{ ids: string[]; moved: MovedTask[] }> {
  const ids: string[] = [];
  const moved: MovedTask[] = [];
  for (const u of rows) {
    const { row, manager: _, department, ...fields } = u;
    const at = `users.${row}`;
    const existing = known.logins.get(u.login);
    const departmentId = department === undefined ? undefined : department || null;
    if (existing === undefined) {
      ids.push(
        await insertUser(trx, { ...fields, departmentId, passwordHash: hashes.get(row) ?? null }, now, at),
      );
    } else {
      moved.push(
        ...(await changeUser(
          trx,
          existing,
          { ...fields, departmentId, passwordHash: hashes.get(row) },
          now,
          by,
          at,
        )),
      );
      ids.push(existing);
    }
  }
  return { ids, moved };
}

/** Passwords hashed before the transaction (scrypt is slow on purpose), four at a time. */
async function hashAll(rows: UserRow[]): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  const pending = rows.filter((u) => u.password);
  for (let i = 0; i < pending.length; i += 4)
    await Promise.all(
      pending.slice(i, i + 4).map(async (u) => hashes.set(u.row, await hashPassword(u.password as string))),
    );
  return hashes;
}

function sortErrors(errors: FieldError[]): FieldError[] {
  const file = (e: FieldError) => (e.path.startsWith('departments') ? 0 : 1);
  return [...errors].sort((a, b) => file(a) - file(b) || (a.row ?? 0) - (b.row ?? 0));
}
