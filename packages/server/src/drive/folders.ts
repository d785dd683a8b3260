import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { checkSubjects } from '../access/definition-rights.ts';
import {
  DEFAULT_READ_WRITE,
  type ReadWriteAccess,
  type ReadWriteRights,
  readWriteAccess,
} from '../access/read-write-rights.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database, DriveFoldersTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';

export interface FolderInput {
  name: string;
  description?: string | undefined;
  rights?: ReadWriteRights | undefined;
}

export interface FolderView {
  id: string;
  name: string;
  description: string;
  rights: ReadWriteRights;
  /** What the caller may do: upload, rename and delete files; change the folder itself. */
  canWrite: boolean;
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
}

export const folderAccess = (caller: Caller, f: DriveFoldersTable): Promise<ReadWriteAccess> =>
  readWriteAccess(caller, f.rights, 'manageFiles');

const view = (f: DriveFoldersTable, access: ReadWriteAccess): FolderView => ({
  id: f.id,
  name: f.name,
  description: f.description,
  rights: JSON.parse(f.rights) as ReadWriteRights,
  canWrite: access.write,
  canManage: access.manage,
  createdAt: toIso(f.created_at),
  updatedAt: toIso(f.updated_at),
});

/** The folders the caller reads, by name. */
export async function listFolders(rt: Runtime, caller: Caller): Promise<FolderView[]> {
  const rows = await rt.db.kysely.selectFrom('drive_folders').selectAll().orderBy('name').execute();
  const out: FolderView[] = [];
  for (const row of rows) {
    const access = await folderAccess(caller, row);
    if (access.read) out.push(view(row, access));
  }
  return out;
}

/** A folder the caller reads (404 for one they do not), with what they may do. */
export async function readableFolder(db: Kysely<Database>, caller: Caller, id: string) {
  const folder = await db.selectFrom('drive_folders').selectAll().where('id', '=', id).executeTakeFirst();
  const access = folder ? await folderAccess(caller, folder) : undefined;
  if (!folder || !access?.read) throw new NotFound('folder', id);
  return { folder, access };
}

export async function getFolder(rt: Runtime, caller: Caller, id: string): Promise<FolderView> {
  const { folder, access } = await readableFolder(rt.db.kysely, caller, id);
  return view(folder, access);
}

async function demandFreeName(db: Kysely<Database>, name: string, except?: string): Promise<void> {
  let q = db.selectFrom('drive_folders').select('id').where('name', '=', name);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst())
    throw new Conflict(`there is already a folder ${name}`, 'FOLDER_NAME_TAKEN', [
      { path: 'body.name', message: `${name} is taken by another folder` },
    ]);
}

const columns = (input: FolderInput) => ({
  name: input.name,
  description: input.description ?? '',
  rights: JSON.stringify(input.rights ?? DEFAULT_READ_WRITE),
});

export async function createFolder(rt: Runtime, caller: Caller, input: FolderInput): Promise<FolderView> {
  demand(caller, 'manageFiles', 'creating folders');
  const db = rt.db.kysely;
  if (input.rights) await checkSubjects(db, { ...input.rights }, 'body.rights');
  const now = rt.now();
  const row: DriveFoldersTable = {
    id: newRowId(),
    ...columns(input),
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await demandFreeName(trx, input.name);
    await trx.insertInto('drive_folders').values(row).execute();
  });
  return view(row, await folderAccess(caller, row));
}

export async function updateFolder(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: FolderInput,
): Promise<FolderView> {
  demand(caller, 'manageFiles', 'changing folders');
  const db = rt.db.kysely;
  const { folder } = await readableFolder(db, caller, id);
  if (input.rights) await checkSubjects(db, { ...input.rights }, 'body.rights');
  const changed = { ...folder, ...columns(input), updated_at: rt.now() };
  await db.transaction().execute(async (trx) => {
    await demandFreeName(trx, input.name, folder.id);
    await trx.updateTable('drive_folders').set(changed).where('id', '=', folder.id).execute();
  });
  return view(changed, await folderAccess(caller, changed));
}

/** Deletes a folder with its files; processes about them go on with their own copy of what they read. */
export async function deleteFolder(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageFiles', 'deleting folders');
  const { folder } = await readableFolder(rt.db.kysely, caller, id);
  await rt.db.kysely.transaction().execute(async (trx) => {
    const files = trx.selectFrom('drive_files').select('id').where('folder_id', '=', folder.id);
    await trx.deleteFrom('drive_file_versions').where('file_id', 'in', files).execute();
    await trx.deleteFrom('drive_files').where('folder_id', '=', folder.id).execute();
    await trx.deleteFrom('drive_folders').where('id', '=', folder.id).execute();
  });
}
