import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { releaseFiles, writerFiles } from '../uploads/store.ts';
import { toIso } from '../util/time.ts';
import type { DealFields } from './deal-rows.ts';
import { checkFieldValues, type ItemFiles } from './field-definitions.ts';
import { checkParty, checkResponsible } from './references.ts';
import { contains, searchText } from './search.ts';
import { type CrmTable, findWritable, type LedBy, ledByCaller } from './visibility.ts';

/**
 * Contacts and companies — the people and firms deals are with — share everything but a few columns:
 * one implementation, told each kind's own fields.
 */
export type PartyKind = 'contact' | 'company';

interface KindSpec {
  table: 'crm_contacts' | 'crm_companies';
  /** Its name to visibility.ts. */
  crmTable: CrmTable;
  /** Its own fields: API name → column. */
  own: Record<string, string>;
  /** What `q` looks in, besides the name, phone and e-mail. */
  searched: readonly string[];
}

const KINDS: Record<PartyKind, KindSpec> = {
  contact: {
    table: 'crm_contacts',
    crmTable: 'contacts',
    own: { position: 'position', companyId: 'company_id' },
    searched: [],
  },
  company: {
    table: 'crm_companies',
    crmTable: 'companies',
    own: { taxId: 'tax_id', address: 'address' },
    searched: ['taxId'],
  },
};

const SHARED = { name: 'name', phone: 'phone', email: 'email', comment: 'comment' };

/**
 * A contact's or company's fields as the API names them (`responsibleId` and their own ones included),
 * and `fields`, the company's own fields for its kind.
 */
export type PartyInput = { [api: string]: string | null | undefined | DealFields } & {
  fields?: DealFields | undefined;
};

interface PartyShared {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  comment: string | null;
  responsibleId: string;
  responsibleName: string | null;
  fields: DealFields;
  createdAt: string;
  updatedAt: string;
}
export interface ContactView extends PartyShared {
  position: string | null;
  companyId: string | null;
  companyName: string | null;
}
export interface CompanyView extends PartyShared {
  taxId: string | null;
  address: string | null;
}
export type PartyView = ContactView | CompanyView;

export interface PartyFilter {
  companyId?: string | undefined;
  responsibleId?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

type Row = Record<string, unknown> & { id: string; created_at: number; updated_at: number };

// The two tables differ in columns; queries here touch them by the names above.
const anyDb = (db: Kysely<Database>) => db as unknown as Kysely<Record<string, Record<string, unknown>>>;

function rows(db: Kysely<Database>, kind: PartyKind) {
  const { table } = KINDS[kind];
  let q = anyDb(db)
    .selectFrom(`${table} as p`)
    .leftJoin('users as u', 'u.id', 'p.responsible_id')
    .selectAll('p')
    .select('u.name as responsible_name');
  if (kind === 'contact')
    q = q.leftJoin('crm_companies as co', 'co.id', 'p.company_id').select('co.name as company_name');
  return q;
}

function view(kind: PartyKind, r: Row): PartyView {
  const out: Record<string, string | null | DealFields> = { id: r.id };
  for (const [api, column] of Object.entries({ ...SHARED, ...KINDS[kind].own }))
    out[api] = (r[column] as string | null) ?? null;
  if (kind === 'contact') out.companyName = (r.company_name as string | null) ?? null;
  out.responsibleId = r.responsible_id as string;
  out.responsibleName = (r.responsible_name as string | null) ?? null;
  out.fields = JSON.parse(r.fields as string) as DealFields;
  out.createdAt = toIso(r.created_at);
  out.updatedAt = toIso(r.updated_at);
  return out as unknown as PartyView;
}

async function readParty(db: Kysely<Database>, ledBy: LedBy | null, kind: PartyKind, id: string) {
  let q = rows(db, kind).where('p.id', '=', id);
  if (ledBy) q = q.where(ledBy(KINDS[kind].crmTable, 'p'));
  return (await q.executeTakeFirst()) as Row | undefined;
}

async function visible(db: Kysely<Database>, ledBy: LedBy | null, kind: PartyKind, id: string): Promise<Row> {
  const row = await readParty(db, ledBy, kind, id);
  if (!row) throw new NotFound(kind, id);
  return row;
}

/** A contact or company the caller may change (403 for one they only read). */
const writable = (db: Kysely<Database>, caller: Caller, kind: PartyKind, id: string) =>
  findWritable(db, caller, kind, id, (ledBy) => readParty(db, ledBy, kind, id));

/** A visible contact or company and whether the caller may change it. */
export async function getParty(
  rt: Runtime,
  caller: Caller,
  kind: PartyKind,
  id: string,
): Promise<PartyView & { editable: boolean }> {
  const db = rt.db.kysely;
  const [row, writable] = await Promise.all([
    visible(db, await ledByCaller(db, caller), kind, id),
    ledByCaller(db, caller, 'write').then((ledBy) => readParty(db, ledBy, kind, id)),
  ]);
  return { ...view(kind, row), editable: writable !== undefined };
}

export async function listParties(
  rt: Runtime,
  caller: Caller,
  kind: PartyKind,
  f: PartyFilter,
): Promise<Page<PartyView>> {
  const db = rt.db.kysely;
  const ledBy = await ledByCaller(db, caller);
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = rows(db, kind);
  if (ledBy) q = q.where(ledBy(KINDS[kind].crmTable, 'p'));
  if (f.companyId !== undefined) q = q.where('p.company_id', '=', f.companyId);
  if (f.responsibleId !== undefined) q = q.where('p.responsible_id', '=', f.responsibleId);
  if (f.q !== undefined && f.q !== '') q = q.where(contains('p.search', f.q));
  if (f.cursor !== undefined) {
    const [name, id] = decodeCursor<[string, string]>(f.cursor, ['string', 'string']);
    q = q.where(sql<SqlBool>`(p.name > ${name} or (p.name = ${name} and p.id > ${id}))`);
  }
  const found = (await q
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute()) as unknown as Row[];
  return toPage(
    found,
    limit,
    (r) => view(kind, r),
    (r) => [r.name as string, r.id],
  );
}

/**
 * The columns `input` sets (only the fields it names), and the checks of what it links to and of the
 * company's own fields: those given of their types, and the required ones filled when `requireFields`.
 */
async function columnsOf(
  db: Kysely<Database>,
  ledBy: LedBy | null,
  kind: PartyKind,
  input: PartyInput,
  requireFields: boolean,
  files: ItemFiles,
): Promise<Record<string, string | null>> {
  const text = (api: string) => input[api] as string | null | undefined;
  const responsibleId = text('responsibleId');
  if (responsibleId) await checkResponsible(db, responsibleId, 'body.responsibleId');
  const companyId = text('companyId');
  if (kind === 'contact' && companyId)
    await checkParty(db, ledBy, 'crm_companies', companyId, 'body.companyId');
  if (requireFields || input.fields !== undefined)
    await checkFieldValues(db, kind, null, input.fields ?? {}, files);
  const columns: Record<string, string | null> = {};
  for (const [api, column] of Object.entries({
    ...SHARED,
    ...KINDS[kind].own,
    responsibleId: 'responsible_id',
  }))
    if (input[api] !== undefined) columns[column] = text(api) ?? null;
  if (input.fields !== undefined) columns.fields = JSON.stringify(input.fields);
  return columns;
}

const searchOf = (kind: PartyKind, v: PartyInput | PartyView) => {
  const text = v as Record<string, string | null | undefined>;
  return searchText(text.name, text.phone, text.email, ...KINDS[kind].searched.map((f) => text[f]));
};

export async function createParty(
  rt: Runtime,
  caller: Caller,
  kind: PartyKind,
  input: PartyInput,
): Promise<PartyView> {
  const id = await rt.db.kysely
    .transaction()
    .execute((trx) => insertParty(rt, trx, caller, kind, input, true));
  return view(kind, await visible(rt.db.kysely, null, kind, id));
}

/**
 * Inserts a contact or company in `trx` (what it links to checked); returns its id. Made by a person,
 * its required fields must be filled; made on the way (a lead converted, an import) they may wait.
 */
export async function insertParty(
  rt: Runtime,
  trx: Kysely<Database>,
  caller: Caller,
  kind: PartyKind,
  input: PartyInput,
  requireFields = false,
): Promise<string> {
  const id = newRowId();
  const owner = `${kind}:${id}`;
  const columns = await columnsOf(trx, await ledByCaller(trx, caller), kind, input, requireFields, {
    owner,
    source: writerFiles(owner, caller.userId),
  });
  const now = rt.now();
  await anyDb(trx)
    .insertInto(KINDS[kind].table)
    .values({
      ...columns,
      id,
      responsible_id: (input.responsibleId as string | undefined) ?? caller.userId,
      search: searchOf(kind, input),
      created_by: caller.userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateParty(
  rt: Runtime,
  caller: Caller,
  kind: PartyKind,
  id: string,
  input: PartyInput,
): Promise<PartyView> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    const before = view(kind, await writable(trx, caller, kind, id));
    await writeParty(rt, trx, await ledByCaller(trx, caller), caller.userId, kind, before, input);
  });
  return view(kind, await visible(rt.db.kysely, null, kind, id));
}

/** A contact or company by id, whoever leads it (a process about it writes back), or undefined. */
export async function readPartyView(db: Kysely<Database>, kind: PartyKind, id: string) {
  const row = await readParty(db, null, kind, id);
  return row && view(kind, row);
}

/**
 * Writes `input` over `before` in `trx` as `actor` (a person, or `process:<id>` writing back): what it
 * links to is checked as `ledBy` sees it, and its own fields when given (required ones filled).
 */
export async function writeParty(
  rt: Runtime,
  trx: Kysely<Database>,
  ledBy: LedBy | null,
  actor: string,
  kind: PartyKind,
  before: PartyView,
  input: PartyInput,
): Promise<void> {
  const owner = `${kind}:${before.id}`;
  const columns = await columnsOf(trx, ledBy, kind, input, input.fields !== undefined, {
    owner,
    source: writerFiles(owner, actor),
  });
  const after = { ...before, ...input } as PartyInput;
  await anyDb(trx)
    .updateTable(KINDS[kind].table)
    .set({ ...columns, search: searchOf(kind, after), updated_at: rt.now() })
    .where('id', '=', before.id)
    .execute();
}

/** Deletes a visible contact or company; its deals (and a company's contacts) stay, without it. */
export async function deleteParty(rt: Runtime, caller: Caller, kind: PartyKind, id: string): Promise<void> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    await writable(trx, caller, kind, id);
    if (kind === 'company') {
      await trx.updateTable('crm_contacts').set({ company_id: null }).where('company_id', '=', id).execute();
      await trx.updateTable('crm_deals').set({ company_id: null }).where('company_id', '=', id).execute();
    } else
      await trx.updateTable('crm_deals').set({ contact_id: null }).where('contact_id', '=', id).execute();
    await releaseFiles(trx, [`${kind}:${id}`]);
    await anyDb(trx).deleteFrom(KINDS[kind].table).where('id', '=', id).execute();
  });
}
