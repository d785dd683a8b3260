import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { typeOfName } from '../util/file-names.ts';
import { toIso } from '../util/time.ts';

/** How long an upload waits for something to take it before it is let go. */
export const UNUSED_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** What holds a process's files. */
export const instanceOwner = (instanceId: string) => `instance:${instanceId}`;

/** Whose files a process reads: its own, and those of the item it is about (a deal's contract scan). */
export async function instanceFileOwners(db: Kysely<Database>, instanceId: string): Promise<string[]> {
  const instance = await db
    .selectFrom('instances')
    .select('document_ref')
    .where('id', '=', instanceId)
    .executeTakeFirst();
  return [instanceOwner(instanceId), ...(instance?.document_ref ? [instance.document_ref] : [])];
}

export interface UploadView {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface HeldFileView extends UploadView {
  uploadedBy: string;
  uploadedAt: string;
}

/**
 * Keeps a file for a `file` field the caller is filling in (a start form, a task, a deal); its id is the
 * field's value. Uploads older than a day that nothing took are let go meanwhile.
 */
export async function upload(
  rt: Runtime,
  caller: Caller,
  file: { name: string; type?: string | undefined; content: Buffer },
): Promise<UploadView> {
  const now = rt.now();
  const row = {
    id: newRowId(),
    name: file.name,
    content_type: file.type ?? typeOfName(file.name),
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploaded_by: caller.userId,
    uploaded_at: now,
  };
  await rt.db.kysely.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('uploads')
      .where('uploaded_at', '<', now - UNUSED_UPLOAD_MS)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('upload_links as l').select('l.file_id').whereRef('l.file_id', '=', 'uploads.id'),
          ),
        ),
      )
      .execute();
    await trx.insertInto('uploads').values(row).execute();
  });
  return { id: row.id, name: row.name, contentType: row.content_type, size: row.size };
}

/** The ids the fields named `fileFields` hold among `values`. */
function fileIds(
  fileFields: readonly string[],
  values: Record<string, unknown>,
): { field: string; id: string }[] {
  return fileFields
    .filter((key) => typeof values[key] === 'string' && values[key] !== '')
    .map((key) => ({ field: key, id: values[key] as string }));
}

/**
 * Whose files a form's `file` fields may name: the person filling it in (their uploads; null for a
 * process writing), and the owners whose files it may pass on (the item itself, keeping its file; the
 * instance a process writes from; a parent handing its file to the process it calls).
 */
export interface FileSource {
  uploader: string | null;
  owners: readonly string[];
}

/** Who writes an item but is no person: a process (`process:<instance id>`), a robot, a trigger. */
const AUTOMATION = /^(process|robot|trigger):/;

/**
 * Whose files `actor` may put in the `file` fields of the item `owner` (null: one being made): a person
 * their uploads, a process its instance's files, anyone the files the item already holds — and those of
 * `also` (a lead converted).
 */
export function writerFiles(owner: string | null, actor: string, also: readonly string[] = []): FileSource {
  const process = actor.match(/^process:(.+)$/)?.[1];
  return {
    uploader: AUTOMATION.test(actor) ? null : actor,
    owners: [...(owner ? [owner] : []), ...(process ? [instanceOwner(process)] : []), ...also],
  };
}

/** Values of `file` fields that name no file the source may give, at `prefix.<field>`. */
export async function fileValueProblems(
  db: Kysely<Database>,
  fileFields: readonly string[],
  values: Record<string, unknown>,
  source: FileSource,
  prefix: string,
): Promise<{ path: string; message: string }[]> {
  const named = fileIds(fileFields, values);
  if (named.length === 0) return [];
  const ids = [...new Set(named.map((n) => n.id))];
  const given = await db
    .selectFrom('uploads as f')
    .select('f.id')
    .where('f.id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('f.uploaded_by', '=', source.uploader ?? ''),
        eb.exists(
          eb
            .selectFrom('upload_links as l')
            .select('l.file_id')
            .whereRef('l.file_id', '=', 'f.id')
            .where('l.owner', 'in', ['', ...source.owners]), // '' owns nothing: the list is never empty
        ),
      ]),
    )
    .execute();
  const ok = new Set(given.map((r) => r.id));
  const whose = source.uploader === null ? 'given to it' : 'uploaded by you';
  return named
    .filter((n) => !ok.has(n.id))
    .map((n) => ({ path: `${prefix}.${n.field}`, message: `there is no file ${n.id} ${whose}` }));
}

/** Links the files the `file` fields among `values` name to `owner`, whose readers then download them. */
export async function linkFiles(
  db: Kysely<Database>,
  owner: string,
  fileFields: readonly string[],
  values: Record<string, unknown>,
): Promise<void> {
  const ids = [...new Set(fileIds(fileFields, values).map((n) => n.id))];
  if (ids.length === 0) return;
  await db
    .insertInto('upload_links')
    .values(ids.map((file_id) => ({ owner, file_id })))
    .onConflict((oc) => oc.columns(['owner', 'file_id']).doNothing())
    .execute();
}

/**
 * Lets go of what deleted items held (`owners`: their references): their links go, and a file nothing
 * else holds is an unused upload, deleted with the others a day old at the next upload.
 */
export async function releaseFiles(db: Kysely<Database>, owners: readonly string[]): Promise<void> {
  if (owners.length > 0) await db.deleteFrom('upload_links').where('owner', 'in', owners).execute();
}

/** `releaseFiles` for every record of a list, however many: one statement, not a list of references. */
export async function releaseListFiles(db: Kysely<Database>, listId: string): Promise<void> {
  await sql`delete from upload_links where owner in
    (select 'record:' || id from list_records where list_id = ${listId})`.execute(db);
}

/** Uploads by id — the names and sizes of files values name, for a page of items in one read. */
export async function uploadsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, UploadView>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('uploads')
    .select(['id', 'name', 'content_type', 'size'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, contentType: r.content_type, size: Number(r.size) }]),
  );
}

/** The files `owner` holds, the first given first (the caller has checked who may read it). */
export async function heldFiles(db: Kysely<Database>, owner: string): Promise<HeldFileView[]> {
  const rows = await db
    .selectFrom('uploads as f')
    .innerJoin('upload_links as l', 'l.file_id', 'f.id')
    .select(['f.id', 'f.name', 'f.content_type', 'f.size', 'f.uploaded_by', 'f.uploaded_at'])
    .where('l.owner', '=', owner)
    .orderBy('f.uploaded_at')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    contentType: r.content_type,
    size: Number(r.size),
    uploadedBy: r.uploaded_by,
    uploadedAt: toIso(r.uploaded_at),
  }));
}

/** One file one of `owners` holds, with its bytes (404 for any other). */
export async function heldFile(db: Kysely<Database>, owners: readonly string[], fileId: string) {
  const row = await db
    .selectFrom('uploads as f')
    .select(['f.id', 'f.name', 'f.content_type', 'f.sha256', 'f.content'])
    .where('f.id', '=', fileId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('upload_links as l')
          .select('l.file_id')
          .whereRef('l.file_id', '=', 'f.id')
          .where('l.owner', 'in', ['', ...owners]), // '' owns nothing: the list is never empty
      ),
    )
    .executeTakeFirst();
  if (!row) throw new NotFound('file', fileId);
  return {
    name: row.name,
    contentType: row.content_type,
    sha256: row.sha256,
    content: Buffer.from(row.content),
  };
}
