import { demand } from '../../access/abilities.ts';
import type { Caller } from '../../access/caller.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { newRowId } from '../../db/row-ids.ts';
import type { CrmProductsTable } from '../../db/schema.ts';
import type { FieldError } from '../../http/problem.ts';
import { CsvError, type CsvRecord, parseCsv } from '../../org/csv.ts';
import { ImportFailed } from '../../org/import.ts';
import type { Runtime } from '../../runtime/context.ts';
import { readNumber } from '../import-cells.ts';
import { toMinor } from '../money.ts';
import { readPriceList, schedulePriceRequest } from './price-lists.ts';
import { DEFAULT_UNIT, productSearch } from './products.ts';

/** A price list's columns (any letter case); `sku` and `price` are needed, `name` for a new article. */
export const PRICE_LIST_COLUMNS = ['sku', 'name', 'unit', 'price', 'currency'] as const;
type Column = (typeof PRICE_LIST_COLUMNS)[number];
const MAX_ROWS = 50_000;

export interface PriceListImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
}

/**
 * A supplier's price list from CSV, all rows or none (`422 IMPORT_FAILED` naming each problem as
 * `prices.<row>.<column>`): articles the list has get the file's price (and name, unit, currency when
 * given), new ones are added. The list's prices count as fresh from now, so the request for new ones
 * waits another `staleAfterDays`.
 */
export async function importPriceList(
  rt: Runtime,
  caller: Caller,
  priceListId: string,
  csv: string,
  dryRun: boolean,
): Promise<PriceListImportReport> {
  demand(caller, 'manageCrm', 'changing price lists');
  const errors: FieldError[] = [];
  const fail = (row: number, column: string | null, message: string) =>
    errors.push({ path: column === null ? `prices.${row}` : `prices.${row}.${column}`, row, message });
  let header: string[] = [];
  let records: CsvRecord[] = [];
  try {
    ({ header, records } = parseCsv(csv));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    fail(error.row, null, error.message);
  }
  const columns = columnsOf(header, fail);
  if (errors.length === 0 && records.length === 0) fail(1, null, 'the file has no prices');
  if (records.length > MAX_ROWS)
    fail(1, null, `at most ${MAX_ROWS} rows at a time (the file has ${records.length})`);
  if (errors.length > 0) throw new ImportFailed(errors);

  return rt.db.kysely.transaction().execute(async (trx) => {
    const list = await readPriceList(trx, priceListId);
    const existing = new Map(
      (
        await trx
          .selectFrom('crm_products')
          .select(['id', 'sku', 'name'])
          .where('price_list_id', '=', priceListId)
          .execute()
      ).map((p) => [p.sku ?? '', p]),
    );
    const now = rt.now();
    const inserts: CrmProductsTable[] = [];
    const updates: { id: string; set: Partial<CrmProductsTable> }[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      const cell = (c: Column) => {
        const i = columns.indexOf(c);
        return i < 0 ? undefined : (record.cells[i] ?? '').trim();
      };
      const row = record.row;
      const sku = cell('sku') ?? '';
      if (sku === '') fail(row, 'sku', 'the article is empty');
      else if (seen.has(sku)) fail(row, 'sku', `the article ${sku} is in the file twice`);
      seen.add(sku);
      const price = readNumber(cell('price') ?? '');
      if (
        price === null ||
        Number.isNaN(price) ||
        price < 0 ||
        Math.abs(price * 100 - Math.round(price * 100)) > 1e-6
      )
        fail(row, 'price', `not a price: "${cell('price')}"`);
      const currency = cell('currency') || undefined;
      if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
        fail(row, 'currency', `not an ISO 4217 code such as RUB: "${currency}"`);
      const name = cell('name') || undefined;
      const unit = cell('unit') || undefined;
      const known = existing.get(sku);
      if (!known && name === undefined) fail(row, 'name', `a new article ${sku} needs its name`);
      if (errors.length > 0) continue;
      const set = {
        price_minor: toMinor(price as number),
        ...(currency !== undefined && { currency }),
        ...(unit !== undefined && { unit }),
        updated_at: now,
      };
      if (known) {
        const newName = name ?? known.name;
        updates.push({ id: known.id, set: { ...set, name: newName, search: productSearch(newName, sku) } });
      } else {
        inserts.push({
          id: newRowId(),
          name: name as string,
          sku,
          unit: DEFAULT_UNIT,
          currency: 'RUB',
          description: null,
          price_list_id: priceListId,
          search: productSearch(name as string, sku),
          created_at: now,
          ...set,
        });
      }
    }
    if (errors.length > 0) throw new ImportFailed(errors);
    if (!dryRun) {
      await insertRows(trx, 'crm_products', inserts);
      for (const u of updates)
        await trx.updateTable('crm_products').set(u.set).where('id', '=', u.id).execute();
      const fresh = { ...list, prices_updated_at: now, requested_at: null, updated_at: now };
      await trx
        .updateTable('crm_price_lists')
        .set({ prices_updated_at: now, requested_at: null, updated_at: now })
        .where('id', '=', priceListId)
        .execute();
      await schedulePriceRequest(rt.db, trx, fresh, now);
    }
    return { dryRun, created: inserts.length, updated: updates.length };
  });
}

function columnsOf(header: string[], fail: (row: number, column: string | null, message: string) => void) {
  const columns = header.map((h) => {
    const column = PRICE_LIST_COLUMNS.find((c) => c === h.trim().toLowerCase());
    if (!column) fail(1, h, `unknown column; known: ${PRICE_LIST_COLUMNS.join(', ')}`);
    return column ?? '';
  });
  columns.forEach((c, i) => {
    if (c !== '' && columns.indexOf(c) !== i) fail(1, header[i] ?? c, 'the column is there twice');
  });
  for (const needed of ['sku', 'price'] as const)
    if (header.length > 0 && !columns.includes(needed)) fail(1, null, `the column ${needed} is missing`);
  return columns;
}
