import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database, RolesTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { orgTransaction } from './store.ts';

/** A role (position) work can be assigned to: processes name it as `role:<name>`, BPMN lanes by name. */
export interface RoleView {
  name: string;
  title: string;
  description: string | null;
  /** administrator, processAdministrator and owner: always there, held company-wide. */
  builtin: boolean;
}

export interface RoleFields {
  title?: string | undefined;
  description?: string | null | undefined;
}

export async function listRoles(rt: Runtime): Promise<RoleView[]> {
  const rows = await rt.db.kysely.selectFrom('roles').selectAll().orderBy('name').execute();
  return rows.map(viewOf);
}

export async function getRole(db: Kysely<Database>, name: string): Promise<RoleView> {
  const row = await db.selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) throw new NotFound('role', name);
  return viewOf(row);
}

export async function createRole(
  rt: Runtime,
  caller: Caller,
  input: RoleFields & { name: string },
): Promise<RoleView> {
  demand(caller, 'manageOrganisation', 'creating roles');
  await orgTransaction(rt, async (trx) => {
    if (await trx.selectFrom('roles').select('name').where('name', '=', input.name).executeTakeFirst())
      throw new Conflict(`the role ${input.name} exists`, 'ROLE_EXISTS', [
        { path: 'body.name', message: 'exists' },
      ]);
    await insertRole(trx, input, rt.now());
  });
  return getRole(rt.db.kysely, input.name);
}

/**
 * Creates those of `roles` that do not exist yet — what a template installed from the library needs
 * to hand out its tasks — and returns their names; existing ones keep their titles. Installing a
 * template is the process administrator's business, so this asks for no organisation right.
 */
export async function addMissingRoles(
  rt: Runtime,
  roles: readonly (RoleFields & { name: string })[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  return orgTransaction(rt, async (trx) => {
    const names = roles.map((r) => r.name);
    const existing = await trx.selectFrom('roles').select('name').where('name', 'in', names).execute();
    const taken = new Set(existing.map((r) => r.name));
    const missing = roles.filter((r) => !taken.has(r.name));
    for (const role of missing) await insertRole(trx, role, rt.now());
    return missing.map((r) => r.name);
  });
}

async function insertRole(
  db: Kysely<Database>,
  input: RoleFields & { name: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('roles')
    .values({
      name: input.name,
      title: input.title ?? input.name,
      description: input.description ?? null,
      builtin: 0,
      created_at: now,
    })
    .execute();
}

/** Changes the title or description; the name is what processes refer to, so it stays. */
export async function updateRole(
  rt: Runtime,
  caller: Caller,
  name: string,
  changes: RoleFields,
): Promise<RoleView> {
  demand(caller, 'manageOrganisation', 'changing roles');
  const set: Partial<RolesTable> = {};
  if (changes.title !== undefined) set.title = changes.title;
  if (changes.description !== undefined) set.description = changes.description;
  await getRole(rt.db.kysely, name);
  if (Object.keys(set).length > 0)
    await rt.db.kysely.updateTable('roles').set(set).where('name', '=', name).execute();
  return getRole(rt.db.kysely, name);
}

/** Removes a role, every holding of it and its CRM access; the built-in roles stay (409 BUILTIN_ROLE). */
export async function deleteRole(rt: Runtime, caller: Caller, name: string): Promise<void> {
  demand(caller, 'manageOrganisation', 'removing roles');
  await orgTransaction(rt, async (trx) => {
    const role = await getRole(trx, name);
    if (role.builtin) throw new Conflict(`${name} is a built-in role`, 'BUILTIN_ROLE');
    await trx.deleteFrom('user_roles').where('role', '=', name).execute();
    await trx.deleteFrom('crm_access_grants').where('role', '=', name).execute();
    await trx.deleteFrom('roles').where('name', '=', name).execute();
  });
}

function viewOf(row: RolesTable): RoleView {
  return { name: row.name, title: row.title, description: row.description, builtin: row.builtin === 1 };
}
