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
import { definitionProblems, type PlainField } from '../crm/field-definitions.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database, ListsTable } from '../db/schema.ts';
import { findLatestPublished } from '../definitions/store.ts';
import { rejectIfAny } from '../org/checks.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { releaseListFiles } from '../uploads/store.ts';
import { toIso } from '../util/time.ts';

/** Keys a list cannot take: `/lists/new` in the web app is where a list is made. */
const RESERVED_KEYS = new Set(['new']);

/** The names a process reads a record by; a list's own fields may not take them. */
export const RECORD_NAMES = ['id', 'title', 'list', 'listKey', 'author'] as const;

export interface ListInput {
  key: string;
  name: string;
  description?: string | undefined;
  fields: PlainField[];
  rights?: ReadWriteRights | undefined;
  processKey?: string | null | undefined;
}

export interface ListView {
  id: string;
  key: string;
  name: string;
  description: string;
  fields: PlainField[];
  rights: ReadWriteRights;
  processKey: string | null;
  /** What the caller may do: add and change records; change the list itself. */
  canWrite: boolean;
  canManage: boolean;
  recordCount: number;
  createdAt: string;
  updatedAt: string;
}

export type ListAccess = ReadWriteAccess;

/** What the caller may do with a list: list managers everything; others what its rights name them for. */
export const listAccess = (caller: Caller, list: ListsTable): Promise<ListAccess> =>
  readWriteAccess(caller, list.rights, 'manageLists');

const view = (l: ListsTable, access: ListAccess, recordCount: number): ListView => ({
  id: l.id,
  key: l.key,
  name: l.name,
  description: l.description,
  fields: JSON.parse(l.fields) as PlainField[],
  rights: JSON.parse(l.rights) as ReadWriteRights,
  processKey: l.process_key,
  canWrite: access.write,
  canManage: access.manage,
  recordCount,
  createdAt: toIso(l.created_at),
  updatedAt: toIso(l.updated_at),
});

/** The lists the caller reads, by name. */
export async function listLists(rt: Runtime, caller: Caller): Promise<ListView[]> {
  const rows = await rt.db.kysely.selectFrom('lists').selectAll().orderBy('name').orderBy('id').execute();
  const readable: { row: ListsTable; access: ListAccess }[] = [];
  for (const row of rows) {
    const access = await listAccess(caller, row);
    if (access.read) readable.push({ row, access });
  }
  const counts = await recordCounts(
    rt.db.kysely,
    readable.map((l) => l.row.id),
  );
  return readable.map((l) => view(l.row, l.access, counts.get(l.row.id) ?? 0));
}

/** How many records each of the lists has (one grouped count, through the records' list index). */
async function recordCounts(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('list_records')
    .select((eb) => ['list_id', eb.fn.countAll<string | number>().as('count')])
    .where('list_id', 'in', ids)
    .groupBy('list_id')
    .execute();
  return new Map(rows.map((r) => [r.list_id, Number(r.count)]));
}

const countOf = async (db: Kysely<Database>, id: string) => (await recordCounts(db, [id])).get(id) ?? 0;

/** A list the caller reads, by id or key (404 for one they do not), with what they may do. */
export async function readableList(
  db: Kysely<Database>,
  caller: Caller,
  idOrKey: string,
): Promise<{ list: ListsTable; access: ListAccess }> {
  const list = await db
    .selectFrom('lists')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)]))
    .executeTakeFirst();
  const access = list ? await listAccess(caller, list) : undefined;
  if (!list || !access?.read) throw new NotFound('list', idOrKey);
  return { list, access };
}

export async function getList(rt: Runtime, caller: Caller, idOrKey: string): Promise<ListView> {
  const { list, access } = await readableList(rt.db.kysely, caller, idOrKey);
  return view(list, access, await countOf(rt.db.kysely, list.id));
}

/** Fields that fit (keys once, options, no record name), subjects that exist, a published template. */
async function checkList(db: Kysely<Database>, input: ListInput): Promise<void> {
  const errors = definitionProblems(input.fields, 'body.fields');
  if (RESERVED_KEYS.has(input.key))
    errors.push({ path: 'body.key', message: `${input.key} is the web app's address for a new list` });
  const reserved = new Set<string>(RECORD_NAMES);
  input.fields.forEach((f, i) => {
    if (reserved.has(f.key))
      errors.push({ path: `body.fields.${i}.key`, message: `${f.key} is a record's own name` });
  });
  if (input.processKey && !(await findLatestPublished(db, input.processKey)))
    errors.push({ path: 'body.processKey', message: `there is no published template ${input.processKey}` });
  rejectIfAny(errors, 'INVALID_LIST');
  if (input.rights) await checkSubjects(db, { ...input.rights }, 'body.rights');
}

const columns = (input: ListInput) => ({
  key: input.key,
  name: input.name,
  description: input.description ?? '',
  fields: JSON.stringify(input.fields.map((f) => ({ ...f, options: f.type === 'select' ? f.options : [] }))),
  rights: JSON.stringify(input.rights ?? DEFAULT_READ_WRITE),
  process_key: input.processKey ?? null,
});

async function demandFreeKey(db: Kysely<Database>, key: string, except?: string): Promise<void> {
  let q = db.selectFrom('lists').select('id').where('key', '=', key);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst())
    throw new Conflict(`there is already a list ${key}`, 'LIST_KEY_TAKEN', [
      { path: 'body.key', message: `${key} is taken by another list` },
    ]);
}

export async function createList(rt: Runtime, caller: Caller, input: ListInput): Promise<ListView> {
  demand(caller, 'manageLists', 'creating lists');
  const db = rt.db.kysely;
  await checkList(db, input);
  const now = rt.now();
  const row: ListsTable = {
    id: newRowId(),
    ...columns(input),
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await demandFreeKey(trx, input.key);
    await trx.insertInto('lists').values(row).execute();
  });
  return view(row, await listAccess(caller, row), 0);
}

/** Replaces a list's settings; values records hold under removed fields stay in them. */
export async function updateList(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: ListInput,
): Promise<ListView> {
  demand(caller, 'manageLists', 'changing lists');
  const db = rt.db.kysely;
  const { list } = await readableList(db, caller, id);
  await checkList(db, input);
  const changed = { ...list, ...columns(input), updated_at: rt.now() };
  await db.transaction().execute(async (trx) => {
    await demandFreeKey(trx, input.key, list.id);
    await trx.updateTable('lists').set(changed).where('id', '=', list.id).execute();
  });
  return view(changed, await listAccess(caller, changed), await countOf(db, list.id));
}

/** Deletes a list with its records and their files; processes about them go on with their own copy. */
export async function deleteList(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageLists', 'deleting lists');
  const { list } = await readableList(rt.db.kysely, caller, id);
  await rt.db.kysely.transaction().execute(async (trx) => {
    await releaseListFiles(trx, list.id);
    await trx.deleteFrom('list_records').where('list_id', '=', list.id).execute();
    await trx.deleteFrom('lists').where('id', '=', list.id).execute();
  });
}
