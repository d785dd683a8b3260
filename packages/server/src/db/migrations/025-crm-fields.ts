import { type Kysely, sql } from 'kysely';

/**
 * The company's own fields for leads, contacts and companies too, not only deals: `crm_deal_fields`
 * (018) becomes `crm_fields`, keyed by the kind of item and the field's key (its rows become the deal
 * ones). Contacts and companies keep their values in a `fields` JSON object as deals and leads do.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_fields')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('required_stages', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_fields_pk', ['entity', 'key'])
    .execute();
  await sql`insert into crm_fields (entity, key, label, type, options, required, required_stages, sort)
    select 'deal', key, label, type, options, required, required_stages, sort from crm_deal_fields`.execute(
    db,
  );
  await db.schema.dropTable('crm_deal_fields').execute();
  for (const table of ['crm_contacts', 'crm_companies'])
    await db.schema
      .alterTable(table)
      .addColumn('fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['crm_contacts', 'crm_companies'])
    await db.schema.alterTable(table).dropColumn('fields').execute();
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
  await sql`insert into crm_deal_fields (key, label, type, options, required, required_stages, sort)
    select key, label, type, options, required, required_stages, sort from crm_fields where entity = 'deal'`.execute(
    db,
  );
  await db.schema.dropTable('crm_fields').execute();
}
