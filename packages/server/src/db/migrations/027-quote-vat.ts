import type { Kysely } from 'kysely';

/**
 * VAT (НДС) on quotes: its rate in hundredths of a per cent (null: none shown), whether the rows'
 * prices include it (the usual "цена с НДС") or it comes on top, and its amount. `total_minor` stays
 * what the client pays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crm_quotes').addColumn('vat_bp', 'integer').execute();
  await db.schema
    .alterTable('crm_quotes')
    .addColumn('vat_included', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('crm_quotes')
    .addColumn('vat_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['vat_minor', 'vat_included', 'vat_bp'])
    await db.schema.alterTable('crm_quotes').dropColumn(column).execute();
}
