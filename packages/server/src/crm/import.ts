import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { FieldError } from '../http/problem.ts';
import { CsvError, type CsvRecord, parseCsv } from '../org/csv.ts';
import { ImportFailed } from '../org/import.ts';
import type { Runtime } from '../runtime/context.ts';
import { queueEvents } from '../webhooks/outbox.ts';
import type { DealFields } from './deal-rows.ts';
import type { FieldDefinition } from './field-definitions.ts';
import { itemsPlan } from './import-deals.ts';
import { columnOfHeader } from './import-headers.ts';
import {
  CHUNK,
  type Fail,
  fieldCells,
  find,
  type Known,
  loadKnown,
  orNull,
  type Plan,
  type Row,
  responsibleOf,
} from './import-rows.ts';
import { searchText } from './search.ts';
import { ledByCaller } from './visibility.ts';

export const IMPORT_KINDS = ['companies', 'contacts', 'deals', 'leads'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The columns of each file (headers match in any letter case); deals also take a column per deal field key. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  companies: ['name', 'taxId', 'phone', 'email', 'address', 'comment', 'responsible'],
  contacts: [
    'name',
    'lastName',
    'firstName',
    'middleName',
    'phone',
    'email',
    'position',
    'company',
    'comment',
    'responsible',
  ],
  deals: ['title', 'pipeline', 'stage', 'amount', 'currency', 'company', 'contact', 'responsible', 'comment'],
  leads: [
    'title',
    'pipeline',
    'stage',
    'name',
    'lastName',
    'firstName',
    'middleName',
    'company',
    'phone',
    'email',
    'source',
    'amount',
    'currency',
    'responsible',
    'comment',
  ],
};
/** A person's name in parts, in the order Russian writes a full name. */
const NAME_PARTS = ['lastName', 'firstName', 'middleName'] as const;
/** A file must have one of these columns: what names a row's item. */
const NAMING: Record<ImportKind, readonly string[]> = {
  companies: ['name'],
  contacts: ['name', ...NAME_PARTS],
  deals: ['title'],
  leads: ['title', 'name', ...NAME_PARTS, 'company', 'phone', 'email'],
};
const MAX_ROWS = 50_000;

export interface CrmImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
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
    // The rows update what they match: only what the importer may change is matched.
    const ledBy = await ledByCaller(trx, caller, 'write');
    const known = await loadKnown(trx, ledBy);
    const columns = columnsOf(kind, header, known.fields[kind], fail);
    if (errors.length > 0) throw new ImportFailed(errors);
    const rows = records.map((r) => rowOf(r, columns));
    const plan = planners[kind](rows, known, caller.userId, rt.now(), fail);
    if (errors.length > 0) throw new ImportFailed(errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
    if (!dryRun) {
      await plan.write(trx);
      await queueEvents(rt, trx, plan.events ?? []);
    }
    return { dryRun, created: plan.created, updated: plan.updated };
  });
}

/**
 * Each header's column (`field:<key>` for one of the company's own fields of that kind), or problems for
 * unknown, repeated and missing ones.
 */
function columnsOf(
  kind: ImportKind,
  header: string[],
  ownFields: FieldDefinition[],
  fail: (row: number, column: string | null, message: string) => void,
): string[] {
  const known = IMPORT_COLUMNS[kind];
  const columns = header.map((h) => {
    const name = h.trim().toLowerCase();
    const column = columnOfHeader(kind, known, h);
    if (column) return column;
    const field = ownFields.find((f) => f.key.toLowerCase() === name);
    if (field?.type === 'file') fail(1, h, 'a file field is not imported: attach its files on the items');
    else if (field) return `field:${field.key}`;
    else {
      const fields =
        ownFields.length > 0 ? `, or the key of a field (${ownFields.map((f) => f.key).join(', ')})` : '';
      fail(1, h, `unknown column; known: ${known.join(', ')}${fields}`);
    }
    return '';
  });
  columns.forEach((c, i) => {
    if (c !== '' && columns.indexOf(c) !== i) fail(1, header[i] ?? c, 'the column is there twice');
  });
  // A person's name may come in parts (Фамилия, Имя, Отчество), as Bitrix24 exports it.
  if (!NAMING[kind].some((c) => columns.includes(c)))
    fail(
      1,
      null,
      `the column ${NAMING[kind].filter((c) => !NAME_PARTS.includes(c as never)).join(' or ')} is missing`,
    );
  return columns;
}

/** A person's row whose name comes in parts: the parts joined ("Петрова Анна Сергеевна") as its name. */
function withFullName(r: Row): Row {
  if (r.has('name')) return r;
  const name = NAME_PARTS.map((p) => r.get(p))
    .filter((part) => part !== '')
    .join(' ');
  return { row: r.row, has: (c) => c === 'name' || r.has(c), get: (c) => (c === 'name' ? name : r.get(c)) };
}

const rowOf = (record: CsvRecord, columns: string[]): Row => {
  const cells = new Map<string, string>();
  columns.forEach((c, i) => {
    if (c !== '') cells.set(c, (record.cells[i] ?? '').trim());
  });
  return { row: record.row, get: (c) => cells.get(c) ?? '', has: (c) => cells.has(c) };
};

/** A company's or contact's columns from a row: only those the file has, so an update keeps the rest. */
function partyColumns(r: Row, columns: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [column, sqlColumn] of Object.entries(columns))
    if (r.has(column)) out[sqlColumn] = orNull(r.get(column));
  return out;
}

/** How one kind of party is imported: its table, what a row matches, its columns, what `q` finds. */
interface PartySpec {
  table: 'crm_companies' | 'crm_contacts';
  matchOf: (r: Row) => string | undefined;
  columnsOf: (r: Row) => Record<string, string | null>;
  searchOf: (c: Record<string, string | null>) => string;
}

/**
 * Creates the rows that match nothing and updates those that do — with the columns the file has; the
 * company's own fields it has are set, the others kept. Required fields may wait (an import is a start).
 */
function partyPlan(
  spec: PartySpec,
  rows: Row[],
  own: FieldDefinition[],
  me: string,
  now: number,
  fail: Fail,
): Plan {
  const { table, matchOf, columnsOf, searchOf } = spec;
  const inserts: Record<string, unknown>[] = [];
  const updates: { id: string; set: Record<string, unknown>; fields: DealFields }[] = [];
  for (const r of rows) {
    const columns = columnsOf(r);
    const fields = fieldCells(r, own, fail);
    const id = matchOf(r);
    if (id) updates.push({ id, set: { ...columns, updated_at: now }, fields });
    else
      inserts.push({
        id: newRowId(),
        responsible_id: me,
        ...columns,
        fields: JSON.stringify(fields),
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
        const row = await db.selectFrom(table).selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
        const after = { ...row, ...u.set } as Record<string, string | null>;
        const fields = { ...(JSON.parse(row.fields as string) as DealFields), ...u.fields };
        await db
          .updateTable(table)
          .set({ ...u.set, fields: JSON.stringify(fields), search: searchOf(after) })
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
        {
          table: 'crm_companies',
          matchOf: (r) =>
            r.get('taxId') === '' ? undefined : known.companies.byKey.get(r.get('taxId').toLowerCase()),
          columnsOf: (r) => ({
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
          searchOf: (c) => searchText(c.name, c.phone, c.email, c.tax_id),
        },
        rows,
        known.fields.companies,
        me,
        now,
        fail,
      );
    },
    contacts(fileRows, known, me, now, fail) {
      const rows = fileRows.map(withFullName);
      const seen = new Map<string, number>();
      for (const r of rows) {
        if (r.get('name') === '') fail(r.row, 'name', 'a value is needed');
        const email = r.get('email').toLowerCase();
        if (email !== '' && seen.has(email))
          fail(r.row, 'email', `${r.get('email')} is also in row ${seen.get(email)}`);
        if (email !== '') seen.set(email, r.row);
      }
      return partyPlan(
        {
          table: 'crm_contacts',
          matchOf: (r) =>
            r.get('email') === '' ? undefined : known.contacts.byKey.get(r.get('email').toLowerCase()),
          columnsOf: (r) => {
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
          searchOf: (c) => searchText(c.name, c.phone, c.email),
        },
        rows,
        known.fields.contacts,
        me,
        now,
        fail,
      );
    },
    deals: itemsPlan('deal'),
    leads: (rows, ...rest) => itemsPlan('lead')(rows.map(withFullName), ...rest),
  };
