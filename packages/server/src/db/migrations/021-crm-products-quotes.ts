import type { Kysely } from 'kysely';

/**
 * Products, suppliers' price lists and quotes (коммерческие предложения). Prices and totals are in
 * minor units, quantities in thousandths (3.5 m² is 3500) so a row's total is exact. A quote's rows copy
 * the product's name, unit and price when added: a later price change does not rewrite a quote a client
 * already has. `crm_price_lists.prices_updated_at` is when the supplier's prices last came in — the
 * robot that asks for new ones reads it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_price_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('stale_after_days', 'integer', (c) => c.notNull())
    .addColumn('prices_updated_at', 'bigint')
    .addColumn('requested_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crm_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('price_list_id', 'text')
    .addColumn('description', 'text')
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crm_products_name').on('crm_products').columns(['name', 'id']).execute();
  // A supplier's price list names each product by its article: an import updates by it.
  await db.schema
    .createIndex('crm_products_price_list_sku')
    .on('crm_products')
    .columns(['price_list_id', 'sku'])
    .unique()
    .execute();
  await db.schema
    .createTable('crm_quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('comment', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('sent_to', 'text')
    .execute();
  await db.schema.createIndex('crm_quotes_deal').on('crm_quotes').columns(['deal_id', 'number']).execute();
  await db.schema
    .createTable('crm_quote_rows')
    .addColumn('quote_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'bigint', (c) => c.notNull())
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('discount_bp', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_quote_rows_pk', ['quote_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['crm_quote_rows', 'crm_quotes', 'crm_products', 'crm_price_lists'])
    await db.schema.dropTable(table).execute();
}
