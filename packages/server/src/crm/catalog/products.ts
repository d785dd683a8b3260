import { type Kysely, type SqlBool, sql } from 'kysely';
import { demand } from '../../access/abilities.ts';
import type { Caller } from '../../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../../db/page.ts';
import { newRowId } from '../../db/row-ids.ts';
import type { CrmProductsTable, Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Conflict, NotFound } from '../../runtime/errors.ts';
import { toIso } from '../../util/time.ts';
import { DEFAULT_CURRENCY, fromMinor, toMinor } from '../money.ts';
import { badReference } from '../references.ts';
import { contains, searchText } from '../search.ts';

export interface ProductInput {
  name: string;
  sku?: string | null | undefined;
  unit?: string | undefined;
  price: number;
  currency?: string | undefined;
  priceListId?: string | null | undefined;
  description?: string | null | undefined;
}

export interface ProductView {
  id: string;
  name: string;
  sku: string | null;
  unit: string;
  price: number;
  currency: string;
  priceListId: string | null;
  priceListName: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProductFilter {
  q?: string | undefined;
  priceListId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** The unit a product is counted in when none is given. */
export const DEFAULT_UNIT = 'pcs';

const rows = (db: Kysely<Database>) =>
  db
    .selectFrom('crm_products as p')
    .leftJoin('crm_price_lists as l', 'l.id', 'p.price_list_id')
    .selectAll('p')
    .select('l.name as price_list_name');
type Row = CrmProductsTable & { price_list_name: string | null };

const view = (p: Row): ProductView => ({
  id: p.id,
  name: p.name,
  sku: p.sku,
  unit: p.unit,
  price: fromMinor(Number(p.price_minor)),
  currency: p.currency,
  priceListId: p.price_list_id,
  priceListName: p.price_list_name,
  description: p.description,
  createdAt: toIso(p.created_at),
  updatedAt: toIso(p.updated_at),
});

/** The catalogue by name: everyone who works the CRM picks from it. */
export async function listProducts(rt: Runtime, f: ProductFilter): Promise<Page<ProductView>> {
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = rows(rt.db.kysely);
  if (f.priceListId !== undefined) q = q.where('p.price_list_id', '=', f.priceListId);
  if (f.q !== undefined && f.q !== '') q = q.where(contains('p.search', f.q));
  if (f.cursor !== undefined) {
    const [name, id] = decodeCursor<[string, string]>(f.cursor, ['string', 'string']);
    q = q.where(sql<SqlBool>`(p.name > ${name} or (p.name = ${name} and p.id > ${id}))`);
  }
  const found = await q
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
  return toPage(found, limit, view, (r) => [r.name, r.id]);
}

export async function readProduct(db: Kysely<Database>, id: string): Promise<ProductView | undefined> {
  const row = await rows(db).where('p.id', '=', id).executeTakeFirst();
  return row && view(row);
}

export async function getProduct(rt: Runtime, id: string): Promise<ProductView> {
  const product = await readProduct(rt.db.kysely, id);
  if (!product) throw new NotFound('product', id);
  return product;
}

/** What `q` finds a product by: its name and article. */
export const productSearch = (name: string, sku: string | null) => searchText(name, sku);

async function checkPriceList(db: Kysely<Database>, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const list = await db.selectFrom('crm_price_lists').select('id').where('id', '=', id).executeTakeFirst();
  if (!list) throw badReference('body.priceListId', `there is no price list ${id}`);
}

/** The article is taken in that price list: 409 naming the field. */
const skuTaken = (sku: string | null) =>
  new Conflict(`the article ${sku} is already in this price list`, 'SKU_TAKEN', [
    { path: 'body.sku', message: 'already in this price list' },
  ]);

async function writeProduct(write: () => Promise<unknown>, sku: string | null): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken(sku);
    throw error;
  }
}

export async function createProduct(rt: Runtime, caller: Caller, input: ProductInput): Promise<ProductView> {
  demand(caller, 'manageCrm', 'changing the product catalogue');
  const db = rt.db.kysely;
  await checkPriceList(db, input.priceListId);
  const now = rt.now();
  const sku = input.sku ?? null;
  const row: CrmProductsTable = {
    id: newRowId(),
    name: input.name,
    sku,
    unit: input.unit ?? DEFAULT_UNIT,
    price_minor: toMinor(input.price),
    currency: input.currency ?? DEFAULT_CURRENCY,
    price_list_id: input.priceListId ?? null,
    description: input.description ?? null,
    search: productSearch(input.name, sku),
    created_at: now,
    updated_at: now,
  };
  await writeProduct(() => db.insertInto('crm_products').values(row).execute(), sku);
  return getProduct(rt, row.id);
}

export async function updateProduct(
  rt: Runtime,
  caller: Caller,
  id: string,
  patch: Partial<ProductInput>,
): Promise<ProductView> {
  demand(caller, 'manageCrm', 'changing the product catalogue');
  const db = rt.db.kysely;
  const product = await db.selectFrom('crm_products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!product) throw new NotFound('product', id);
  await checkPriceList(db, patch.priceListId);
  const name = patch.name ?? product.name;
  const sku = patch.sku === undefined ? product.sku : patch.sku;
  const set = {
    name,
    sku,
    ...(patch.unit !== undefined && { unit: patch.unit }),
    ...(patch.price !== undefined && { price_minor: toMinor(patch.price) }),
    ...(patch.currency !== undefined && { currency: patch.currency }),
    ...(patch.priceListId !== undefined && { price_list_id: patch.priceListId }),
    ...(patch.description !== undefined && { description: patch.description }),
    search: productSearch(name, sku),
    updated_at: rt.now(),
  };
  await writeProduct(() => db.updateTable('crm_products').set(set).where('id', '=', id).execute(), sku);
  return getProduct(rt, id);
}

/** Quotes keep their rows (name, unit and price were copied into them). */
export async function deleteProduct(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageCrm', 'changing the product catalogue');
  const gone = await rt.db.kysely.deleteFrom('crm_products').where('id', '=', id).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new NotFound('product', id);
}
