import { type OrgSnapshotJson, snapshotToJson } from '@baton/engine';
import type { Caller } from '../access/caller.ts';
import { editsSomeTemplate } from '../access/definition-rights.ts';
import type { Runtime } from '../runtime/context.ts';
import { Forbidden } from '../runtime/errors.ts';
import { readOrgSnapshot } from './snapshot.ts';

/** The snapshot as JSON, each user with their display name. */
export interface DirectorySnapshotView extends OrgSnapshotJson {
  users: (OrgSnapshotJson['users'][number] & { name: string })[];
}

/**
 * The snapshot every step assigns by (`readOrgSnapshot` at this moment), for clients that assign the same
 * way: the designer's test run builds the engine's `createDirectory` from it. Absences and their kinds are
 * not everyone's business, so only those who may edit a template get it.
 */
export async function readDirectorySnapshot(rt: Runtime, caller: Caller): Promise<DirectorySnapshotView> {
  const db = rt.db.kysely;
  if (!(await editsSomeTemplate(db, caller)))
    throw new Forbidden(
      'the organisation directory is for those who edit templates (administrator, processAdministrator or an edit right)',
    );
  const [org, names] = await Promise.all([
    readOrgSnapshot(db, rt.now()),
    db.selectFrom('users').select(['id', 'name']).execute(),
  ]);
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const json = snapshotToJson(org);
  return { ...json, users: json.users.map((u) => ({ ...u, name: nameOf.get(u.id) ?? u.login })) };
}
