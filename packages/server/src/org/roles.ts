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
    await trx
      .insertInto('roles')
      .values({
        name: input.name,
        title: input.title ?? input.name,
        description: input.description ?? null,
        builtin: 0,
        created_at: rt.now(),
      })
      .execute();
  });
  return getRole(rt.db.kysely, input.name);
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
