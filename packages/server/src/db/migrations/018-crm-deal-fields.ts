import type { Kysely } from 'kysely';

/**
 * The fields a company adds to its deals (пользовательские поля): a label, a type, for a list its
 * options, and whether it must be filled always or once a deal reaches some stages. The values live in
 * each deal's `fields` JSON (016) under the field's `key`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_deal_fields')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('required_stages', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_deal_fields').execute();
}
