import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { contains, searchText } from '../crm/search.ts';
import { afterNewest, DEFAULT_PAGE_SIZE, type Page, toPage } from '../db/page.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database, DriveFilesTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../runtime/errors.ts';
import { nameProblem, typeOfName } from '../util/file-names.ts';
import { toIso } from '../util/time.ts';
import { folderAccess, readableFolder } from './folders.ts';

export interface FileView {
  id: string;
  folderId: string;
  name: string;
  contentType: string;
  size: number;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** The caller may upload a new version, rename and delete it. */
  editable: boolean;
}

type FileRow = DriveFilesTable;

/** A file's columns (its bytes are in its versions). */
const META = [
  'id',
  'folder_id',
  'name',
  'content_type',
  'size',
  'sha256',
  'search',
  'version',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
] as const;

const view = (f: FileRow, editable: boolean): FileView => ({
  id: f.id,
  folderId: f.folder_id,
  name: f.name,
  contentType: f.content_type,
  size: Number(f.size),
  version: f.version,
  createdBy: f.created_by,
  createdAt: toIso(f.created_at),
  updatedBy: f.updated_by,
  updatedAt: toIso(f.updated_at),
  editable,
});

function demandWrite(access: { write: boolean }, what: string): void {
  if (!access.write) throw new Forbidden(`you may read ${what} but not change it`, 'READ_ONLY');
}

/** How many versions of a file keep their bytes: older ones are let go as new ones come. */
export const KEPT_VERSIONS = 20;

/**
 * Puts `content` into the folder under `name`: a new file, or — the name taken — its next version
 * (the same id, so processes and links to it follow), the bytes of each version kept. 201 for a new
 * one, 200 for a version.
 */
export async function putFile(
  rt: Runtime,
  caller: Caller,
  folderId: string,
  upload: { name: string; type?: string | undefined; content: Buffer },
): Promise<{ file: FileView; created: boolean }> {
  const db = rt.db.kysely;
  const { folder, access } = await readableFolder(db, caller, folderId);
  demandWrite(access, `the folder ${folder.name}`);
  const now = rt.now();
  const latest = {
    content_type: upload.type ?? typeOfName(upload.name),
    size: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    updated_by: caller.userId,
    updated_at: now,
  };
  return db.transaction().execute(async (trx) => {
    const row = {
      id: newRowId(),
      folder_id: folder.id,
      name: upload.name,
      search: searchText(upload.name),
      version: 1,
      created_by: caller.userId,
      created_at: now,
      ...latest,
    };
    const inserted = await trx
      .insertInto('drive_files')
      .values(row)
      .onConflict((oc) => oc.columns(['folder_id', 'name']).doNothing())
      .executeTakeFirst();
    const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
    // A name taken: the row is locked by this UPDATE until the version's bytes are in, so two uploads
    // at once become two versions, each with its own bytes.
    const file = created
      ? row
      : await trx
          .updateTable('drive_files')
          .set((eb) => ({ ...latest, version: eb('version', '+', 1) }))
          .where('folder_id', '=', folder.id)
          .where('name', '=', upload.name)
          .returning(META)
          .executeTakeFirstOrThrow();
    await trx
      .insertInto('drive_file_versions')
      .values({
        file_id: file.id,
        version: file.version,
        content_type: latest.content_type,
        size: latest.size,
        sha256: latest.sha256,
        content: upload.content,
        created_by: caller.userId,
        created_at: now,
      })
      .execute();
    await trx
      .deleteFrom('drive_file_versions')
      .where('file_id', '=', file.id)
      .where('version', '<=', file.version - KEPT_VERSIONS)
      .execute();
    return { file: view(file, true), created };
  });
}

export interface FileFilter {
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** A folder's files, the latest changed first, that `q` finds by name (any letter case). */
export async function listFiles(
  rt: Runtime,
  caller: Caller,
  folderId: string,
  f: FileFilter,
): Promise<Page<FileView>> {
  const db = rt.db.kysely;
  const { folder, access } = await readableFolder(db, caller, folderId);
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = db.selectFrom('drive_files').select(META).where('folder_id', '=', folder.id);
  if (f.q) q = q.where(contains('search', f.q));
  if (f.cursor) q = q.where(afterNewest(f.cursor, 'updated_at', 'id'));
  const rows = await q
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (r) => view(r, access.write),
    (r) => [Number(r.updated_at), r.id],
  );
}

/** A file the caller reads through its folder (404 otherwise), without its bytes. */
export async function readableFile(db: Kysely<Database>, caller: Caller, id: string) {
  const file = await db.selectFrom('drive_files').select(META).where('id', '=', id).executeTakeFirst();
  const folder = file
    ? await db.selectFrom('drive_folders').selectAll().where('id', '=', file.folder_id).executeTakeFirst()
    : undefined;
  const access = folder ? await folderAccess(caller, folder) : undefined;
  if (!file || !folder || !access?.read) throw new NotFound('file', id);
  return { file, folder, access };
}

export async function getFile(rt: Runtime, caller: Caller, id: string): Promise<FileView> {
  const { file, access } = await readableFile(rt.db.kysely, caller, id);
  return view(file, access.write);
}

export interface VersionView {
  version: number;
  contentType: string;
  size: number;
  createdBy: string;
  createdAt: string;
}

/** The versions of a file whose bytes are kept, the latest first. */
export async function fileVersions(rt: Runtime, caller: Caller, id: string): Promise<VersionView[]> {
  const { file } = await readableFile(rt.db.kysely, caller, id);
  const rows = await rt.db.kysely
    .selectFrom('drive_file_versions')
    .select(['version', 'content_type', 'size', 'created_by', 'created_at'])
    .where('file_id', '=', file.id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    contentType: r.content_type,
    size: Number(r.size),
    createdBy: r.created_by,
    createdAt: toIso(r.created_at),
  }));
}

/** A version's bytes (the latest by default) with what a download needs; 404 for one not kept. */
export async function fileContent(rt: Runtime, caller: Caller, id: string, version?: number) {
  const { file } = await readableFile(rt.db.kysely, caller, id);
  const kept = await rt.db.kysely
    .selectFrom('drive_file_versions')
    .select(['content', 'content_type', 'sha256'])
    .where('file_id', '=', file.id)
    .where('version', '=', version ?? file.version)
    .executeTakeFirst();
  if (!kept) throw new NotFound(`version ${version} of the file`, id);
  return { name: file.name, contentType: kept.content_type, sha256: kept.sha256, content: kept.content };
}

/** Renames a file within its folder (409 for a name another file has there). */
export async function renameFile(rt: Runtime, caller: Caller, id: string, name: string): Promise<FileView> {
  const db = rt.db.kysely;
  const { file, folder, access } = await readableFile(db, caller, id);
  demandWrite(access, `the folder ${folder.name}`);
  const problem = nameProblem(name);
  if (problem) throw new Unprocessable(`body.name: ${problem}`, [{ path: 'body.name', message: problem }]);
  const taken = await db
    .selectFrom('drive_files')
    .select('id')
    .where('folder_id', '=', file.folder_id)
    .where('name', '=', name)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (taken)
    throw new Conflict(`there is already a file ${name} in ${folder.name}`, 'FILE_NAME_TAKEN', [
      { path: 'body.name', message: `${name} is taken in this folder` },
    ]);
  const changed = {
    ...file,
    name,
    search: searchText(name),
    updated_by: caller.userId,
    updated_at: rt.now(),
  };
  await db
    .updateTable('drive_files')
    .set({ name, search: changed.search, updated_by: changed.updated_by, updated_at: changed.updated_at })
    .where('id', '=', id)
    .execute();
  return view(changed, true);
}

export async function deleteFile(rt: Runtime, caller: Caller, id: string): Promise<void> {
  const { folder, access } = await readableFile(rt.db.kysely, caller, id);
  demandWrite(access, `the folder ${folder.name}`);
  await rt.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('drive_file_versions').where('file_id', '=', id).execute();
    await trx.deleteFrom('drive_files').where('id', '=', id).execute();
  });
}
