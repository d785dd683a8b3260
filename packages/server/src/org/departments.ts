import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database, DepartmentsTable } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { ID_PATTERN, missing, rejectIfAny } from './checks.ts';
import { ancestry, departmentLinks, orgTransaction } from './store.ts';

export interface DepartmentView {
  id: string;
  name: string;
  parentId: string | null;
  headId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentFields {
  name?: string | undefined;
  parentId?: string | null | undefined;
  headId?: string | null | undefined;
}

export interface NewDepartment extends DepartmentFields {
  id?: string | undefined;
  name: string;
}

/** Every department, by name; clients build the tree from `parentId`. */
export async function listDepartments(rt: Runtime): Promise<DepartmentView[]> {
  const rows = await rt.db.kysely
    .selectFrom('departments')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(viewOf);
}

export async function getDepartment(db: Kysely<Database>, id: string): Promise<DepartmentView> {
  const row = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('department', id);
  return viewOf(row);
}

export async function createDepartment(
  rt: Runtime,
  caller: Caller,
  input: NewDepartment,
): Promise<DepartmentView> {
  demand(caller, 'manageOrganisation', 'creating departments');
  const id = await orgTransaction(rt, (trx) => insertDepartment(trx, input, rt.now(), 'body'));
  return getDepartment(rt.db.kysely, id);
}

/** Renames, moves (never under itself) or sets the head of a department. */
export async function updateDepartment(
  rt: Runtime,
  caller: Caller,
  id: string,
  changes: DepartmentFields,
): Promise<DepartmentView> {
  demand(caller, 'manageOrganisation', 'changing departments');
  await orgTransaction(rt, (trx) => changeDepartment(trx, id, changes, rt.now(), 'body'));
  return getDepartment(rt.db.kysely, id);
}

/** Removes an empty department: no departments below it, no members, no roles held in it. */
export async function deleteDepartment(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageOrganisation', 'removing departments');
  await orgTransaction(rt, async (trx) => {
    await getDepartment(trx, id);
    const [child, member, holding] = await Promise.all([
      trx.selectFrom('departments').select('id').where('parent_id', '=', id).executeTakeFirst(),
      trx.selectFrom('users').select('id').where('department_id', '=', id).executeTakeFirst(),
      trx.selectFrom('user_roles').select('user_id').where('department_id', '=', id).executeTakeFirst(),
    ]);
    const why = child
      ? `department ${child.id} is inside it`
      : member
        ? `user ${member.id} works in it`
        : holding
          ? `user ${holding.user_id} holds a role in it`
          : null;
    if (why) throw new Conflict(`department ${id} is not empty: ${why}`, 'DEPARTMENT_NOT_EMPTY');
    await trx.deleteFrom('departments').where('id', '=', id).execute();
  });
}

/** Writes a new department; `at` prefixes error paths (`body`, `departments.3`). */
export async function insertDepartment(
  trx: Kysely<Database>,
  input: NewDepartment,
  now: number,
  at: string,
): Promise<string> {
  const id = input.id ?? randomUUID();
  const errors: FieldError[] = [];
  if (!ID_PATTERN.test(id))
    errors.push({ path: `${at}.id`, message: 'letters, digits, ".", "_", "-" (1–64)' });
  if (await trx.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst())
    throw new Conflict(`a department with id ${id} exists`, 'DEPARTMENT_EXISTS', [
      { path: `${at}.id`, message: 'exists' },
    ]);
  errors.push(...(await referenceProblems(trx, input, at)));
  rejectIfAny(errors);
  await trx
    .insertInto('departments')
    .values({
      id,
      name: input.name,
      parent_id: input.parentId ?? null,
      head_id: input.headId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function changeDepartment(
  trx: Kysely<Database>,
  id: string,
  changes: DepartmentFields,
  now: number,
  at: string,
): Promise<void> {
  const before = await getDepartment(trx, id);
  rejectIfAny(await referenceProblems(trx, changes, at));
  if (changes.parentId) await rejectCycle(trx, before, changes.parentId, `${at}.parentId`);
  const set: Partial<DepartmentsTable> = { updated_at: now };
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.parentId !== undefined) set.parent_id = changes.parentId;
  if (changes.headId !== undefined) set.head_id = changes.headId;
  await trx.updateTable('departments').set(set).where('id', '=', id).execute();
}

/** A department cannot sit under itself or under a department inside it: 422 naming both. */
async function rejectCycle(
  trx: Kysely<Database>,
  department: DepartmentView,
  parentId: string,
  path: string,
): Promise<void> {
  const above = ancestry(await departmentLinks(trx), parentId);
  if (!above.includes(department.id)) return;
  const parent = await getDepartment(trx, parentId);
  const message =
    parentId === department.id
      ? `department "${department.name}" (${department.id}) cannot be its own parent`
      : `department "${department.name}" (${department.id}) cannot be placed under "${parent.name}" (${parent.id}), which is inside it`;
  throw new Unprocessable(message, [{ path, message }], 'DEPARTMENT_CYCLE');
}

async function referenceProblems(
  trx: Kysely<Database>,
  f: DepartmentFields,
  at: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (f.parentId && (await missing(trx, 'departments', [f.parentId])).size > 0)
    errors.push({ path: `${at}.parentId`, message: `no department ${f.parentId}` });
  if (f.headId) {
    const head = await trx.selectFrom('users').select('active').where('id', '=', f.headId).executeTakeFirst();
    if (!head) errors.push({ path: `${at}.headId`, message: `no user ${f.headId}` });
    else if (head.active !== 1)
      errors.push({ path: `${at}.headId`, message: `user ${f.headId} is not active` });
  }
  return errors;
}

function viewOf(row: DepartmentsTable): DepartmentView {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    headId: row.head_id,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
