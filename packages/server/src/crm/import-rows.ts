import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { OutgoingEvent } from '../webhooks/events.ts';
import type { DealFields } from './deal-rows.ts';
import { type FieldDefinition, listFields } from './field-definitions.ts';
import type { ImportKind } from './import.ts';
import { readBoolean, readDate, readNumber } from './import-cells.ts';
import { listPipelines, type PipelineView } from './pipelines.ts';
import type { LedBy } from './visibility.ts';

/** What the parts of a CRM import share: a row, what rows may refer to, and how a problem is told. */

/** Rows per INSERT: well under SQLite's limit of bound values. */
export const CHUNK = 200;

/** One row: its cells by column (trimmed), and where to report a problem. */
export interface Row {
  row: number;
  get(column: string): string;
  has(column: string): boolean;
}

/** What rows may refer to, as the importer sees it. */
export interface Known {
  users: Map<string, string>;
  /** Active people by lower-cased name; null for a name several people share. */
  userNames: Map<string, string | null>;
  companies: Lookup;
  contacts: Lookup;
  pipelines: PipelineView[];
  /** The company's own fields of what each kind of import makes. */
  fields: Record<ImportKind, FieldDefinition[]>;
}

/** Things found by a unique key (a tax id, an e-mail) or by name, which may be ambiguous. */
export interface Lookup {
  byKey: Map<string, string>;
  byName: Map<string, string[]>;
}

export async function loadKnown(trx: Kysely<Database>, ledBy: LedBy | null): Promise<Known> {
  let companies = trx.selectFrom('crm_companies').select(['id', 'name', 'tax_id as key']);
  if (ledBy) companies = companies.where(ledBy('companies', 'crm_companies'));
  let contacts = trx.selectFrom('crm_contacts').select(['id', 'name', 'email as key']);
  if (ledBy) contacts = contacts.where(ledBy('contacts', 'crm_contacts'));
  const [users, companyRows, contactRows, pipelines, dealFields, companyFields, contactFields, leadFields] =
    await Promise.all([
      trx.selectFrom('users').select(['id', 'login', 'name']).where('active', '=', 1).execute(),
      companies.execute(),
      contacts.execute(),
      listPipelines(trx),
      listFields(trx, 'deal'),
      listFields(trx, 'company'),
      listFields(trx, 'contact'),
      listFields(trx, 'lead'),
    ]);
  return {
    users: new Map(users.map((u) => [u.login.toLowerCase(), u.id])),
    userNames: byName(users),
    companies: lookup(companyRows),
    contacts: lookup(contactRows),
    pipelines,
    fields: { deals: dealFields, companies: companyFields, contacts: contactFields, leads: leadFields },
  };
}

function byName(users: { id: string; name: string }[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const u of users) {
    const name = u.name.toLowerCase();
    out.set(name, out.has(name) ? null : u.id);
  }
  return out;
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
export function find(look: Lookup, cell: string, what: string): { id: string } | { problem: string } {
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

export type Fail = (row: number, column: string | null, message: string) => void;
export interface Plan {
  created: number;
  updated: number;
  write(trx: Kysely<Database>): Promise<void>;
  /** What the import tells webhooks once written (the deals and leads it made). */
  events?: OutgoingEvent[];
}

/** The person a row's `responsible` names (a login), or the importer. */
/** Who leads a row's item: a login, or a name only one active person has (a Bitrix24 export gives names). */
export function responsibleOf(r: Row, known: Known, me: string, fail: Fail): string {
  const given = r.get('responsible');
  if (given === '') return me;
  const id = known.users.get(given.toLowerCase()) ?? known.userNames.get(given.toLowerCase());
  if (id === undefined) fail(r.row, 'responsible', `there is no active user with the login or name ${given}`);
  if (id === null) fail(r.row, 'responsible', `${given} is the name of several people: give the login`);
  return id ?? me;
}

export const orNull = (cell: string) => (cell === '' ? null : cell);

/** A row's cells of the company's own fields, read by each field's type (a select's option in any letter case). */
export function fieldCells(r: Row, definitions: FieldDefinition[], fail: Fail): DealFields {
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
