import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database, GroupsTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { missing, rejectIfAny } from './checks.ts';
import { orgTransaction } from './store.ts';

/** A named set of users across departments (a project team, a committee): processes say `group:<name>`. */
export interface GroupView {
  name: string;
  title: string;
  description: string | null;
  members: string[];
}

export interface GroupFields {
  title?: string | undefined;
  description?: string | null | undefined;
  /** Replaces the members (user ids). */
  members?: string[] | undefined;
}

export async function listGroups(rt: Runtime): Promise<GroupView[]> {
  const db = rt.db.kysely;
  const [rows, members] = await Promise.all([
    db.selectFrom('groups').selectAll().orderBy('name').execute(),
    db.selectFrom('group_members').selectAll().orderBy('user_id').execute(),
  ]);
  return rows.map((r) =>
    viewOf(
      r,
      members.filter((m) => m.group_name === r.name).map((m) => m.user_id),
    ),
  );
}

export async function getGroup(db: Kysely<Database>, name: string): Promise<GroupView> {
  const row = await db.selectFrom('groups').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) throw new NotFound('group', name);
  const members = await db
    .selectFrom('group_members')
    .select('user_id')
    .where('group_name', '=', name)
    .orderBy('user_id')
    .execute();
  return viewOf(
    row,
    members.map((m) => m.user_id),
  );
}

export async function createGroup(
  rt: Runtime,
  caller: Caller,
  input: GroupFields & { name: string },
): Promise<GroupView> {
  demand(caller, 'manageOrganisation', 'creating groups');
  await orgTransaction(rt, async (trx) => {
    if (await trx.selectFrom('groups').select('name').where('name', '=', input.name).executeTakeFirst())
      throw new Conflict(`the group ${input.name} exists`, 'GROUP_EXISTS', [
        { path: 'body.name', message: 'exists' },
      ]);
    await trx
      .insertInto('groups')
      .values({
        name: input.name,
        title: input.title ?? input.name,
        description: input.description ?? null,
        created_at: rt.now(),
      })
      .execute();
    await replaceMembers(trx, input.name, input.members);
  });
  return getGroup(rt.db.kysely, input.name);
}

export async function updateGroup(
  rt: Runtime,
  caller: Caller,
  name: string,
  changes: GroupFields,
): Promise<GroupView> {
  demand(caller, 'manageOrganisation', 'changing groups');
  await orgTransaction(rt, async (trx) => {
    await getGroup(trx, name);
    const set: Partial<GroupsTable> = {};
    if (changes.title !== undefined) set.title = changes.title;
    if (changes.description !== undefined) set.description = changes.description;
    if (Object.keys(set).length > 0)
      await trx.updateTable('groups').set(set).where('name', '=', name).execute();
    await replaceMembers(trx, name, changes.members);
  });
  return getGroup(rt.db.kysely, name);
}

export async function deleteGroup(rt: Runtime, caller: Caller, name: string): Promise<void> {
  demand(caller, 'manageOrganisation', 'removing groups');
  await orgTransaction(rt, async (trx) => {
    await getGroup(trx, name);
    await trx.deleteFrom('group_members').where('group_name', '=', name).execute();
    await trx.deleteFrom('groups').where('name', '=', name).execute();
  });
}

async function replaceMembers(
  trx: Kysely<Database>,
  name: string,
  members: string[] | undefined,
): Promise<void> {
  if (members === undefined) return;
  const absent = await missing(trx, 'users', members);
  rejectIfAny(
    members.flatMap((m, i) =>
      absent.has(m) ? [{ path: `body.members.${i}`, message: `no user ${m}` }] : [],
    ),
  );
  await trx.deleteFrom('group_members').where('group_name', '=', name).execute();
  const unique = [...new Set(members)];
  if (unique.length > 0)
    await trx
      .insertInto('group_members')
      .values(unique.map((user_id) => ({ group_name: name, user_id })))
      .execute();
}

function viewOf(row: GroupsTable, members: string[]): GroupView {
  return { name: row.name, title: row.title, description: row.description, members };
}
