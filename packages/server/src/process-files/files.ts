import { createHash } from 'node:crypto';
import type { Field } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import { findRow } from '../instances/service.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { typeOfName } from '../util/file-names.ts';
import { toIso } from '../util/time.ts';

/** How long an upload waits for a start or a task to take it before it is let go. */
export const UNUSED_UPLOAD_MS = 24 * 60 * 60 * 1000;

export interface UploadView {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface ProcessFileView extends UploadView {
  uploadedBy: string;
  uploadedAt: string;
}

/**
 * Keeps a file for a `file` field the caller is filling in (a start form, a task); its id is the
 * field's value. Uploads older than a day that nothing took are let go meanwhile.
 */
export async function upload(
  rt: Runtime,
  caller: Caller,
  file: { name: string; type?: string | undefined; content: Buffer },
): Promise<UploadView> {
  const db = rt.db.kysely;
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
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('process_files')
      .where('uploaded_at', '<', now - UNUSED_UPLOAD_MS)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('process_file_links as l')
              .select('l.file_id')
              .whereRef('l.file_id', '=', 'process_files.id'),
          ),
        ),
      )
      .execute();
    await trx.insertInto('process_files').values(row).execute();
  });
  return { id: row.id, name: row.name, contentType: row.content_type, size: row.size };
}

/** The ids named by the `file` fields among `values`. */
function fileIds(fields: readonly Field[], values: Record<string, unknown>): { field: string; id: string }[] {
  return fields
    .filter((f) => f.type === 'file' && typeof values[f.id] === 'string' && values[f.id] !== '')
    .map((f) => ({ field: f.id, id: values[f.id] as string }));
}

/** Whose files a form's `file` fields may name: the person filling it in, and the instances it is for. */
export interface FileSource {
  uploader: string | null;
  instanceIds: readonly string[];
}

/**
 * Values of `file` fields that name no file the filler may give (`prefix.<field>`): a file is theirs
 * when they uploaded it, or already in one of the instances (a task's answer kept, a parent's file
 * handed to the process it calls).
 */
export async function fileValueProblems(
  db: Kysely<Database>,
  fields: readonly Field[],
  values: Record<string, unknown>,
  source: FileSource,
  prefix: string,
): Promise<{ path: string; message: string }[]> {
  const named = fileIds(fields, values);
  if (named.length === 0) return [];
  const ids = [...new Set(named.map((n) => n.id))];
  const owned = await db
    .selectFrom('process_files as f')
    .select('f.id')
    .where('f.id', 'in', ids)
    .where((eb) => {
      const ways = [];
      if (source.uploader !== null) ways.push(eb('f.uploaded_by', '=', source.uploader));
      if (source.instanceIds.length > 0)
        ways.push(
          eb.exists(
            eb
              .selectFrom('process_file_links as l')
              .select('l.file_id')
              .whereRef('l.file_id', '=', 'f.id')
              .where('l.instance_id', 'in', [...source.instanceIds]),
          ),
        );
      return eb.or(ways);
    })
    .execute();
  const ok = new Set(owned.map((r) => r.id));
  return named
    .filter((n) => !ok.has(n.id))
    .map((n) => ({ path: `${prefix}.${n.field}`, message: `there is no file ${n.id} uploaded by you` }));
}

/** Links the files the `file` fields among `values` name to the instance, so its viewers download them. */
export async function linkFiles(
  db: Kysely<Database>,
  instanceId: string,
  fields: readonly Field[],
  values: Record<string, unknown>,
): Promise<void> {
  const ids = [...new Set(fileIds(fields, values).map((n) => n.id))];
  if (ids.length === 0) return;
  await db
    .insertInto('process_file_links')
    .values(ids.map((file_id) => ({ instance_id: instanceId, file_id })))
    .onConflict((oc) => oc.columns(['instance_id', 'file_id']).doNothing())
    .execute();
}

/** The files of an instance the caller sees (else 404), the first given first. */
export async function instanceFiles(
  rt: Runtime,
  caller: Caller,
  instanceId: string,
): Promise<ProcessFileView[]> {
  const instance = await findRow(rt, caller, instanceId);
  const rows = await rt.db.kysely
    .selectFrom('process_files as f')
    .innerJoin('process_file_links as l', 'l.file_id', 'f.id')
    .select(['f.id', 'f.name', 'f.content_type', 'f.size', 'f.uploaded_by', 'f.uploaded_at'])
    .where('l.instance_id', '=', instance.id)
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

/** One file of an instance the caller sees, with its bytes (404 for anything else). */
export async function instanceFileContent(rt: Runtime, caller: Caller, instanceId: string, fileId: string) {
  const instance = await findRow(rt, caller, instanceId);
  const row = await rt.db.kysely
    .selectFrom('process_files as f')
    .innerJoin('process_file_links as l', 'l.file_id', 'f.id')
    .select(['f.name', 'f.content_type', 'f.sha256', 'f.content'])
    .where('l.instance_id', '=', instance.id)
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw new NotFound('file', fileId);
  return {
    name: row.name,
    contentType: row.content_type,
    sha256: row.sha256,
    content: Buffer.from(row.content),
  };
}
