import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import type { DealFields } from '../crm/deal-rows.ts';
import { describe, employeeProblems, fieldValueProblems, type PlainField } from '../crm/field-definitions.ts';
import { contains, searchText } from '../crm/search.ts';
import { afterNewest, DEFAULT_PAGE_SIZE, type Page, toPage } from '../db/page.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database, ListRecordsTable, ListsTable } from '../db/schema.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../runtime/errors.ts';
import { itemFileFields } from '../uploads/file-fields.ts';
import {
  type FileSource,
  fileValueProblems,
  linkFiles,
  releaseFiles,
  type UploadView,
  uploadsByIds,
  writerFiles,
} from '../uploads/store.ts';
import { toIso } from '../util/time.ts';
import { type ListAccess, listAccess, readableList } from './lists.ts';

export type RecordValues = DealFields;

export interface RecordInput {
  title: string;
  values?: RecordValues | undefined;
}

export interface RecordView {
  id: string;
  listId: string;
  title: string;
  values: RecordValues;
  version: number;
  /** A user id, or `process:<instanceId>` for a record a process added. */
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** The caller may change and delete it. */
  editable: boolean;
  /** The files its file fields name (GET /list-records/{id}/files/{fileId} downloads each). */
  files: UploadView[];
}

/** The records as views, the files their file fields name read at once. */
async function views(
  db: Kysely<Database>,
  list: ListsTable,
  rows: readonly ListRecordsTable[],
  editable: boolean,
): Promise<RecordView[]> {
  const keys = itemFileFields(fieldsOf(list));
  const named = rows.map((r) => {
    const values = JSON.parse(r.values) as RecordValues;
    return keys.flatMap((key) =>
      typeof values[key] === 'string' && values[key] !== '' ? [values[key]] : [],
    );
  });
  const files = await uploadsByIds(db, named.flat());
  return rows.map((r, i) => ({
    ...view(r, editable),
    files: (named[i] ?? []).flatMap((id) => files.get(id) ?? []),
  }));
}

const one = async (db: Kysely<Database>, list: ListsTable, row: ListRecordsTable, editable: boolean) =>
  (await views(db, list, [row], editable))[0] as RecordView;

const view = (r: ListRecordsTable, editable: boolean): Omit<RecordView, 'files'> => ({
  id: r.id,
  listId: r.list_id,
  title: r.title,
  values: JSON.parse(r.values) as RecordValues,
  version: r.version,
  createdBy: r.created_by,
  createdAt: toIso(r.created_at),
  updatedBy: r.updated_by,
  updatedAt: toIso(r.updated_at),
  editable,
});

/** The job that starts a list's template about a new record. */
export const RECORD_PROCESS_JOB = 'listRecordProcess';
export interface RecordProcessJob {
  recordId: string;
  definitionKey: string;
  startedBy: string;
}

/**
 * What is wrong with a record's values by its list's fields, at `path.<key>`: a key the list has not,
 * a value not of its field's type, a required field empty, an employee who is not one.
 */
export async function valueProblems(
  db: Kysely<Database>,
  list: ListsTable,
  values: RecordValues,
  path: string,
  files: FileSource,
): Promise<{ path: string; message: string }[]> {
  const fields = fieldsOf(list);
  const known = new Set(fields.map((f) => f.key));
  return [
    ...Object.keys(values)
      .filter((key) => !known.has(key))
      .map((key) => ({ path: `${path}.${key}`, message: `the list ${list.name} has no field ${key}` })),
    ...[...fieldValueProblems(fields, null, values), ...(await employeeProblems(db, fields, values))].map(
      (p) => ({ path: `${path}.${p.key}`, message: p.message }),
    ),
    ...(await fileValueProblems(db, itemFileFields(fields), values, files, path)),
  ];
}

const fieldsOf = (list: ListsTable) => JSON.parse(list.fields) as PlainField[];

async function demandValues(
  db: Kysely<Database>,
  list: ListsTable,
  values: RecordValues,
  files: FileSource,
): Promise<void> {
  const errors = await valueProblems(db, list, values, 'body.values', files);
  if (errors.length > 0) throw new Unprocessable(describe(errors), errors, 'INVALID_VALUES');
}

/**
 * Adds a record in `trx` as `by` (a person, or a process); a list's template starts about it as a job
 * in the same transaction. `jobKey`: the job that adds it, so a repeated job adds none (returns null).
 */
export async function insertRecord(
  rt: Runtime,
  trx: Kysely<Database>,
  list: ListsTable,
  record: { title: string; values: RecordValues; by: string; jobKey: string | null },
): Promise<ListRecordsTable | null> {
  const now = rt.now();
  const row: ListRecordsTable = {
    id: newRowId(),
    list_id: list.id,
    title: record.title,
    values: JSON.stringify(record.values),
    search: recordSearch(record.title, record.values),
    job_key: record.jobKey,
    version: 1,
    created_by: record.by,
    created_at: now,
    updated_by: record.by,
    updated_at: now,
  };
  const inserted = await trx
    .insertInto('list_records')
    .values(row)
    .onConflict((oc) => oc.column('job_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return null;
  await linkFiles(trx, `record:${row.id}`, itemFileFields(fieldsOf(list)), record.values);
  if (list.process_key) {
    const job: RecordProcessJob = { recordId: row.id, definitionKey: list.process_key, startedBy: record.by };
    await enqueue(
      trx,
      [
        {
          kind: RECORD_PROCESS_JOB,
          key: `${RECORD_PROCESS_JOB}:${row.id}`,
          instanceId: null,
          payload: job,
          dueAt: now,
        },
      ],
      now,
    );
    await announceJobs(rt.db, trx);
  }
  return row;
}

const recordSearch = (title: string, values: RecordValues) =>
  searchText(title, ...Object.values(values).map((v) => (v === null ? null : String(v))));

function demandWrite(access: ListAccess, list: ListsTable): void {
  if (!access.write) throw new Forbidden(`you may read the list ${list.name} but not change it`, 'READ_ONLY');
}

export async function createRecord(
  rt: Runtime,
  caller: Caller,
  listIdOrKey: string,
  input: RecordInput,
): Promise<RecordView> {
  // Access first: reading a caller's departments inside SQLite's one write transaction would wait on it.
  const { list, access } = await readableList(rt.db.kysely, caller, listIdOrKey);
  demandWrite(access, list);
  const values = input.values ?? {};
  await demandValues(rt.db.kysely, list, values, writerFiles(null, caller.userId));
  const row = await rt.db.kysely
    .transaction()
    .execute((trx) =>
      insertRecord(rt, trx, list, { title: input.title, values, by: caller.userId, jobKey: null }),
    );
  return one(rt.db.kysely, list, row as ListRecordsTable, true);
}

export interface RecordFilter {
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** A list's records, newest first, that `q` finds in their title or values (any letter case). */
export async function listRecords(
  rt: Runtime,
  caller: Caller,
  listIdOrKey: string,
  f: RecordFilter,
): Promise<Page<RecordView>> {
  const db = rt.db.kysely;
  const { list, access } = await readableList(db, caller, listIdOrKey);
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = db.selectFrom('list_records').selectAll().where('list_id', '=', list.id);
  if (f.q) q = q.where(contains('search', f.q));
  if (f.cursor) q = q.where(afterNewest(f.cursor, 'created_at', 'id'));
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(
    rows,
    limit,
    (r) => r,
    (r) => [Number(r.created_at), r.id],
  );
  return { ...page, items: await views(db, list, page.items, access.write) };
}

/** A record the caller reads through its list (404 otherwise), with the list and what they may do. */
export async function readableRecord(db: Kysely<Database>, caller: Caller, id: string) {
  const record = await db.selectFrom('list_records').selectAll().where('id', '=', id).executeTakeFirst();
  const list = record
    ? await db.selectFrom('lists').selectAll().where('id', '=', record.list_id).executeTakeFirst()
    : undefined;
  const access = list ? await listAccess(caller, list) : undefined;
  if (!record || !list || !access?.read) throw new NotFound('record', id);
  return { record, list, access };
}

export async function getRecord(rt: Runtime, caller: Caller, id: string): Promise<RecordView> {
  const { record, list, access } = await readableRecord(rt.db.kysely, caller, id);
  return one(rt.db.kysely, list, record, access.write);
}

/**
 * Writes a record's new title and values as `by` — version `expected` when given (someone else's change
 * in between is a 409, not silently overwritten).
 */
export async function writeRecord(
  trx: Kysely<Database>,
  list: ListsTable,
  record: ListRecordsTable,
  patch: { title?: string | undefined; values?: RecordValues | undefined; version?: number | undefined },
  by: string,
  now: number,
): Promise<ListRecordsTable> {
  if (patch.version !== undefined && patch.version !== record.version)
    throw new Conflict(
      `the record changed since version ${patch.version} (it is at ${record.version}); reload it`,
      'VERSION_CONFLICT',
    );
  const title = patch.title ?? record.title;
  const values = patch.values ?? (JSON.parse(record.values) as RecordValues);
  const changed = {
    ...record,
    title,
    values: JSON.stringify(values),
    search: recordSearch(title, values),
    version: record.version + 1,
    updated_by: by,
    updated_at: now,
  };
  const done = await trx
    .updateTable('list_records')
    .set(changed)
    .where('id', '=', record.id)
    .where('version', '=', record.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0)
    throw new Conflict(`the record ${record.id} changed at the same moment; try again`, 'VERSION_CONFLICT');
  await linkFiles(trx, `record:${record.id}`, itemFileFields(fieldsOf(list)), values);
  return changed;
}

export async function updateRecord(
  rt: Runtime,
  caller: Caller,
  id: string,
  patch: { title?: string | undefined; values?: RecordValues | undefined; version?: number | undefined },
): Promise<RecordView> {
  const { record, list, access } = await readableRecord(rt.db.kysely, caller, id);
  demandWrite(access, list);
  if (patch.values !== undefined)
    await demandValues(rt.db.kysely, list, patch.values, writerFiles(`record:${record.id}`, caller.userId));
  // One conditional UPDATE: a change since `record` was read is a 409.
  const written = await writeRecord(rt.db.kysely, list, record, patch, caller.userId, rt.now());
  return one(rt.db.kysely, list, written, true);
}

export async function deleteRecord(rt: Runtime, caller: Caller, id: string): Promise<void> {
  const { list, access } = await readableRecord(rt.db.kysely, caller, id);
  demandWrite(access, list);
  await rt.db.kysely.transaction().execute(async (trx) => {
    await releaseFiles(trx, [`record:${id}`]);
    await trx.deleteFrom('list_records').where('id', '=', id).execute();
  });
}
