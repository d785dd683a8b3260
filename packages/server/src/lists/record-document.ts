import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { badReference } from '../crm/references.ts';
import type { Database, ListRecordsTable, ListsTable } from '../db/schema.ts';
import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { writerFiles } from '../uploads/store.ts';
import { type RecordValues, readableRecord, valueProblems, writeRecord } from './records.ts';

/** A process about a list record carries `documentRef: "record:<id>"`. */
const RECORD_REF = /^record:(.+)$/;

export const recordRefOf = (documentRef: string | null): string | null =>
  documentRef?.match(RECORD_REF)?.[1] ?? null;

/** A record as a process's `document`: its fields by key, then its own names. */
export const recordDocument = (r: ListRecordsTable, list: ListsTable): Record<string, unknown> => ({
  ...(JSON.parse(r.values) as RecordValues),
  id: r.id,
  title: r.title,
  list: list.name,
  listKey: list.key,
  author: r.created_by,
});

/**
 * The document a process started about a list record reads (null for a reference to anything else).
 * The caller must read the record: else 422 at `body.documentRef`.
 */
export async function listRecordDocument(
  rt: Runtime,
  caller: Caller,
  documentRef: string | null,
): Promise<Record<string, unknown> | null> {
  const id = recordRefOf(documentRef);
  if (id === null) return null;
  try {
    const { record, list } = await readableRecord(rt.db.kysely, caller, id);
    return recordDocument(record, list);
  } catch (error) {
    if (error instanceof NotFound) throw badReference('body.documentRef', `there is no list record ${id}`);
    throw error;
  }
}

/**
 * A setFields activity writing to the record its process is about: `title`, and the list's fields by
 * key. What the record cannot take — a field the list has not, a value not of its type — is a
 * PermanentFailure naming it (`where`: the activity).
 */
export async function writeRecordFields(
  trx: Kysely<Database>,
  recordId: string,
  fields: Record<string, unknown>,
  by: string,
  where: string,
  now: number,
): Promise<void> {
  const record = await trx
    .selectFrom('list_records')
    .selectAll()
    .where('id', '=', recordId)
    .executeTakeFirst();
  const list = record
    ? await trx.selectFrom('lists').selectAll().where('id', '=', record.list_id).executeTakeFirst()
    : undefined;
  if (!record || !list) throw new PermanentFailure(`${where}: the list record ${recordId} no longer exists`);
  const { title, ...rest } = fields;
  if (title !== undefined && (typeof title !== 'string' || title.trim() === ''))
    throw new PermanentFailure(`${where}: title must be a text`);
  const values = { ...(JSON.parse(record.values) as RecordValues), ...(rest as RecordValues) };
  const problems = await valueProblems(trx, list, values, 'values', writerFiles(`record:${recordId}`, by));
  if (problems.length > 0)
    throw new PermanentFailure(`${where}: ${problems.map((p) => p.message).join('; ')}`);
  await writeRecord(trx, list, record, { title, values }, by, now);
}
