import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import { CsvError, type CsvRecord, parseCsv } from '../org/csv.ts';
import { ImportFailed } from '../org/import.ts';
import type { Runtime } from '../runtime/context.ts';
import { type DealFieldDefinition, dealValueProblems, listDealFields } from './deal-field-definitions.ts';
import type { DealFields } from './deal-rows.ts';
import { readBoolean, readDate, readNumber } from './import-cells.ts';
import { DEFAULT_CURRENCY, toMinor } from './money.ts';
import { listPipelines, type PipelineView } from './pipelines.ts';
import { searchText } from './search.ts';
import { type LedBy, ledByCaller } from './visibility.ts';

export const IMPORT_KINDS = ['companies', 'contacts', 'deals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The columns of each file (headers match in any letter case); deals also take a column per deal field key. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  companies: ['name', 'taxId', 'phone', 'email', 'address', 'comment', 'responsible'],
  contacts: ['name', 'phone', 'email', 'position', 'company', 'comment', 'responsible'],
  deals: ['title', 'pipeline', 'stage', 'amount', 'currency', 'company', 'contact', 'responsible', 'comment'],
};
const REQUIRED: Record<ImportKind, string> = { companies: 'name', contacts: 'name', deals: 'title' };
const MAX_ROWS = 50_000;
/** Rows per INSERT: well under SQLite's limit of bound values. */
const CHUNK = 200;

export interface CrmImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
}

/** One row: its cells by column (trimmed), and where to report a problem. */
interface Row {
  row: number;
  get(column: string): string;
  has(column: string): boolean;
}

/** What rows may refer to, as the importer sees it. */
interface Known {
  users: Map<string, string>;
  companies: Lookup;
  contacts: Lookup;
  pipelines: PipelineView[];
  dealFields: DealFieldDefinition[];
}

/** Things found by a unique key (a tax id, an e-mail) or by name, which may be ambiguous. */
interface Lookup {
  byKey: Map<string, string>;
  byName: Map<string, string[]>;
}

/**
 * Imports companies, contacts or deals from CSV in one transaction: all rows or none (`422
 * IMPORT_FAILED` naming every problem as `<kind>.<row>.<column>`). Companies with a tax id and contacts
 * with an e-mail the caller already has are updated with the file's columns; the rest are created, led
 * by `responsible` (a login) or the caller. Contacts name their company, deals their company and
 * contact, by tax id / e-mail or by name; import companies first, then contacts, then deals. Deals go
 * to `pipeline` / `stage` (names; default the first), checked against the deal fields like any deal.
 * Robots do not act on imported deals: they are history, not deals entering a stage now.
 */
export async function importCrm(
  rt: Runtime,
  caller: Caller,
  kind: ImportKind,
  csv: string,
  dryRun: boolean,
): Promise<CrmImportReport> {
  const errors: FieldError[] = [];
  const fail = (row: number, column: string | null, message: string) =>
    errors.push({ path: column === null ? `${kind}.${row}` : `${kind}.${row}.${column}`, row, message });
  let records: CsvRecord[];
  let header: string[];
  try {
    ({ header, records } = parseCsv(csv));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    fail(error.row, null, error.message);
    throw new ImportFailed(errors);
  }
  if (records.length === 0) fail(1, null, 'the file has no rows to import');
  if (records.length > MAX_ROWS)
    fail(1, null, `at most ${MAX_ROWS} rows at a time (the file has ${records.length})`);
  return rt.db.kysely.transaction().execute(async (trx) => {
    const ledBy = await ledByCaller(trx, caller);
    const known = await loadKnown(trx, ledBy);
    const columns = columnsOf(kind, header, known.dealFields, fail);
    if (errors.length > 0) throw new ImportFailed(errors);
    const rows = records.map((r) => rowOf(r, columns));
    const plan = planners[kind](rows, known, caller.userId, rt.now(), fail);
    if (errors.length > 0) throw new ImportFailed(errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
    if (!dryRun) await plan.write(trx);
    return { dryRun, created: plan.created, updated: plan.updated };
  });
}

/** Each header's column (`field:<key>` for a deal field), or problems for unknown, repeated and missing ones. */
function columnsOf(
  kind: ImportKind,
  header: string[],
  dealFields: DealFieldDefinition[],
  fail: (row: number, column: string | null, message: string) => void,
): string[] {
  const known = IMPORT_COLUMNS[kind];
  const columns = header.map((h) => {
    const name = h.trim().toLowerCase();
    const column = known.find((c) => c.toLowerCase() === name);
    if (column) return column;
    const field = kind === 'deals' ? dealFields.find((f) => f.key.toLowerCase() === name) : undefined;
    if (field) return `field:${field.key}`;
    const fields = kind === 'deals' ? `, or a deal field's key` : '';
    fail(1, h, `unknown column; known: ${known.join(', ')}${fields}`);
    return '';
  });
  columns.forEach((c, i) => {
    if (c !== '' && columns.indexOf(c) !== i) fail(1, header[i] ?? c, 'the column is there twice');
  });
  if (!columns.includes(REQUIRED[kind])) fail(1, null, `the column ${REQUIRED[kind]} is missing`);
  return columns;
}

const rowOf = (record: CsvRecord, columns: string[]): Row => {
  const cells = new Map<string, string>();
  columns.forEach((c, i) => {
    if (c !== '') cells.set(c, (record.cells[i] ?? '').trim());
  });
  return { row: record.row, get: (c) => cells.get(c) ?? '', has: (c) => cells.has(c) };
};

async function loadKnown(trx: Kysely<Database>, ledBy: LedBy | null): Promise<Known> {
  let companies = trx.selectFrom('crm_companies').select(['id', 'name', 'tax_id as key']);
  if (ledBy) companies = companies.where(ledBy('crm_companies.responsible_id'));
  let contacts = trx.selectFrom('crm_contacts').select(['id', 'name', 'email as key']);
  if (ledBy) contacts = contacts.where(ledBy('crm_contacts.responsible_id'));
  const [users, companyRows, contactRows, pipelines, dealFields] = await Promise.all([
    trx.selectFrom('users').select(['id', 'login']).where('active', '=', 1).execute(),
    companies.execute(),
    contacts.execute(),
    listPipelines(trx),
    listDealFields(trx),
  ]);
  return {
    users: new Map(users.map((u) => [u.login.toLowerCase(), u.id])),
    companies: lookup(companyRows),
    contacts: lookup(contactRows),
    pipelines,
    dealFields,
  };
}

function lookup(rows: { id: string; name: string; key: string | null }[]): Lookup {
  const byKey = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const r of rows) {
    if (r.key) byKey.set(r.key.toLowerCase(), r.id);
    const name = r.name.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), r.id]);
  }
  return { byKey, byName };
}

/** A company or contact a cell names (by tax id / e-mail, else by a name only one has), or a problem. */
function find(look: Lookup, cell: string, what: string): { id: string } | { problem: string } {
  const key = look.byKey.get(cell.toLowerCase());
  if (key) return { id: key };
  const named = look.byName.get(cell.toLowerCase()) ?? [];
  if (named.length === 1) return { id: named[0] as string };
  if (named.length > 1)
    return {
      problem: `${named.length} ${what} are called ${cell}; name it by its ${what === 'companies' ? 'tax id' : 'e-mail'}`,
    };
  return { problem: `there is no ${what === 'companies' ? 'company' : 'contact'} ${cell} (import it first)` };
}

type Fail = (row: number, column: string | null, message: string) => void;
interface Plan {
  created: number;
  updated: number;
  write(trx: Kysely<Database>): Promise<void>;
}

/** The person a row's `responsible` names (a login), or the importer. */
function responsibleOf(r: Row, known: Known, me: string, fail: Fail): string {
  const login = r.get('responsible');
  if (login === '') return me;
  const id = known.users.get(login.toLowerCase());
  if (!id) fail(r.row, 'responsible', `there is no active user with the login ${login}`);
  return id ?? me;
}

const orNull = (cell: string) => (cell === '' ? null : cell);

/** A company's or contact's columns from a row: only those the file has, so an update keeps the rest. */
function partyColumns(r: Row, columns: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [column, sqlColumn] of Object.entries(columns))
    if (r.has(column)) out[sqlColumn] = orNull(r.get(column));
  return out;
}

function partyPlan(
  table: 'crm_companies' | 'crm_contacts',
  rows: Row[],
  matchOf: (r: Row) => string | undefined,
  columnsOf: (r: Row) => Record<string, string | null>,
  searchOf: (c: Record<string, string | null>) => string,
  me: string,
  now: number,
): Plan {
  const inserts: Record<string, unknown>[] = [];
  const updates: { id: string; set: Record<string, unknown> }[] = [];
  for (const r of rows) {
    const columns = columnsOf(r);
    const id = matchOf(r);
    if (id) updates.push({ id, set: { ...columns, updated_at: now } });
    else
      inserts.push({
        id: newRowId(),
        responsible_id: me,
        ...columns,
        search: searchOf(columns),
        created_by: me,
        created_at: now,
        updated_at: now,
      });
  }
  return {
    created: inserts.length,
    updated: updates.length,
    async write(trx) {
      const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
      for (let i = 0; i < inserts.length; i += CHUNK)
        await db
          .insertInto(table)
          .values(inserts.slice(i, i + CHUNK))
          .execute();
      for (const u of updates) {
        await db.updateTable(table).set(u.set).where('id', '=', u.id).execute();
        const row = await db.selectFrom(table).selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
        await db
          .updateTable(table)
          .set({ search: searchOf(row as Record<string, string | null>) })
          .where('id', '=', u.id)
          .execute();
      }
    },
  };
}

const planners: Record<ImportKind, (rows: Row[], known: Known, me: string, now: number, fail: Fail) => Plan> =
  {
    companies(rows, known, me, now, fail) {
      const seen = new Map<string, number>();
      for (const r of rows) {
        if (r.get('name') === '') fail(r.row, 'name', 'a value is needed');
        const tax = r.get('taxId').toLowerCase();
        if (tax !== '' && seen.has(tax))
          fail(r.row, 'taxId', `${r.get('taxId')} is also in row ${seen.get(tax)}`);
        if (tax !== '') seen.set(tax, r.row);
      }
      return partyPlan(
        'crm_companies',
        rows,
        (r) => (r.get('taxId') === '' ? undefined : known.companies.byKey.get(r.get('taxId').toLowerCase())),
        (r) => ({
          ...partyColumns(r, {
            name: 'name',
            taxId: 'tax_id',
            phone: 'phone',
            email: 'email',
            address: 'address',
            comment: 'comment',
          }),
          ...(r.has('responsible') ? { responsible_id: responsibleOf(r, known, me, fail) } : {}),
        }),
        (c) => searchText(c.name, c.phone, c.email, c.tax_id),
        me,
        now,
      );
    },
    contacts(rows, known, me, now, fail) {
      const seen = new Map<string, number>();
      for (const r of rows) {
        if (r.get('name') === '') fail(r.row, 'name', 'a value is needed');
        const email = r.get('email').toLowerCase();
        if (email !== '' && seen.has(email))
          fail(r.row, 'email', `${r.get('email')} is also in row ${seen.get(email)}`);
        if (email !== '') seen.set(email, r.row);
      }
      return partyPlan(
        'crm_contacts',
        rows,
        (r) => (r.get('email') === '' ? undefined : known.contacts.byKey.get(r.get('email').toLowerCase())),
        (r) => {
          const company =
            r.get('company') === '' ? null : find(known.companies, r.get('company'), 'companies');
          if (company && 'problem' in company) fail(r.row, 'company', company.problem);
          return {
            ...partyColumns(r, {
              name: 'name',
              phone: 'phone',
              email: 'email',
              position: 'position',
              comment: 'comment',
            }),
            ...(r.has('company') ? { company_id: company && 'id' in company ? company.id : null } : {}),
            ...(r.has('responsible') ? { responsible_id: responsibleOf(r, known, me, fail) } : {}),
          };
        },
        (c) => searchText(c.name, c.phone, c.email),
        me,
        now,
      );
    },
    deals(rows, known, me, now, fail) {
      const deals: Record<string, unknown>[] = [];
      const visits: Record<string, unknown>[] = [];
      for (const r of rows) {
        const deal = dealOf(r, known, me, now, fail);
        if (!deal) continue;
        deals.push(deal);
        visits.push({ deal_id: deal.id, seq: 1, stage_id: deal.stage_id, entered_at: now, entered_by: me });
      }
      return {
        created: rows.length,
        updated: 0,
        async write(trx) {
          for (let i = 0; i < deals.length; i += CHUNK) {
            await trx
              .insertInto('crm_deals')
              .values(deals.slice(i, i + CHUNK) as never)
              .execute();
            await trx
              .insertInto('crm_deal_stages')
              .values(visits.slice(i, i + CHUNK) as never)
              .execute();
          }
        },
      };
    },
  };

/** A deal's row for the table, or undefined when the row has problems (reported through `fail`). */
function dealOf(
  r: Row,
  known: Known,
  me: string,
  now: number,
  fail: Fail,
): Record<string, unknown> | undefined {
  const before = { count: 0 };
  const problem: Fail = (row, column, message) => {
    before.count++;
    fail(row, column, message);
  };
  const title = r.get('title');
  if (title === '') problem(r.row, 'title', 'a value is needed');
  const pipelineName = r.get('pipeline');
  const pipeline =
    pipelineName === ''
      ? known.pipelines[0]
      : known.pipelines.find((p) => p.name.toLowerCase() === pipelineName.toLowerCase());
  if (!pipeline) {
    problem(
      r.row,
      'pipeline',
      pipelineName === '' ? 'there is no pipeline yet' : `there is no pipeline ${pipelineName}`,
    );
    return undefined;
  }
  const stageName = r.get('stage');
  const stage =
    stageName === ''
      ? pipeline.stages[0]
      : pipeline.stages.find((s) => s.name.toLowerCase() === stageName.toLowerCase());
  if (!stage) problem(r.row, 'stage', `there is no stage ${stageName} in the pipeline ${pipeline.name}`);
  const amount = readNumber(r.get('amount'));
  if (Number.isNaN(amount)) problem(r.row, 'amount', `${r.get('amount')} is not a number`);
  const currency = r.get('currency').toUpperCase();
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency))
    problem(r.row, 'currency', 'an ISO 4217 code such as RUB');
  const link = (column: 'company' | 'contact') => {
    if (r.get(column) === '') return null;
    const found = find(
      column === 'company' ? known.companies : known.contacts,
      r.get(column),
      column === 'company' ? 'companies' : 'contacts',
    );
    if ('problem' in found) problem(r.row, column, found.problem);
    return 'id' in found ? found.id : null;
  };
  const companyId = link('company');
  const contactId = link('contact');
  const responsible = responsibleOf(r, known, me, problem);
  const fields = fieldsOf(r, known.dealFields, problem);
  if (stage)
    for (const p of dealValueProblems(known.dealFields, stage, fields)) problem(r.row, p.key, p.message);
  if (before.count > 0 || !stage) return undefined;
  return {
    id: newRowId(),
    title,
    pipeline_id: pipeline.id,
    stage_id: stage.id,
    amount_minor: amount === null ? null : toMinor(amount),
    currency: currency || DEFAULT_CURRENCY,
    contact_id: contactId,
    company_id: companyId,
    responsible_id: responsible,
    comment: orNull(r.get('comment')),
    fields: JSON.stringify(fields),
    search: searchText(title),
    version: 1,
    stage_changed_at: now,
    created_by: me,
    created_at: now,
    updated_at: now,
    closed_at: stage.kind === 'open' ? null : now,
  };
}

/** A row's deal-field cells, read by each field's type (a select's option in any letter case). */
function fieldsOf(r: Row, definitions: DealFieldDefinition[], fail: Fail): DealFields {
  const fields: DealFields = {};
  for (const f of definitions) {
    if (!r.has(`field:${f.key}`)) continue;
    const cell = r.get(`field:${f.key}`);
    const value =
      f.type === 'number'
        ? readNumber(cell)
        : f.type === 'boolean'
          ? readBoolean(cell)
          : f.type === 'date'
            ? readDate(cell)
            : f.type === 'select'
              ? cell === ''
                ? null
                : f.options.find((o) => o.toLowerCase() === cell.toLowerCase())
              : orNull(cell);
    if (value === undefined || Number.isNaN(value))
      fail(
        r.row,
        f.key,
        `${f.label}: ${cell} is not a ${f.type === 'select' ? `choice (${f.options.join(', ')})` : f.type}`,
      );
    else fields[f.key] = value;
  }
  return fields;
}
