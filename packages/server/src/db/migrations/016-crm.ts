import { type Kysely, sql } from 'kysely';

/**
 * The CRM: pipelines (воронки) and their stages, companies, contacts and deals, and each deal's visits
 * to stages (`crm_deal_stages`: time in stage, what robots will read). Amounts are kept in minor units
 * (kopecks) so sums are exact. A deal's own fields are one JSON object. `search`: the text a list's `q`
 * looks in, lower-cased by JavaScript (SQLite's lower() knows only ASCII; Cyrillic names must match too).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('definitions').addColumn('document_type', 'text').execute();
  await copyDocumentTypes(db as Kysely<DefinitionRows>);
  await db.schema
    .createTable('crm_pipelines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crm_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_stages_pipeline')
    .on('crm_stages')
    .columns(['pipeline_id', 'sort'])
    .execute();

  const party = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('responsible_id', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('search', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull());
  await party('crm_companies').addColumn('tax_id', 'text').addColumn('address', 'text').execute();
  await party('crm_contacts').addColumn('position', 'text').addColumn('company_id', 'text').execute();
  for (const table of ['crm_companies', 'crm_contacts'])
    await db.schema
      .createIndex(`${table}_responsible`)
      .on(table)
      .columns(['responsible_id', 'created_at'])
      .execute();
  await db.schema.createIndex('crm_contacts_company').on('crm_contacts').columns(['company_id']).execute();

  await db.schema
    .createTable('crm_deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('company_id', 'text')
    .addColumn('responsible_id', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('stage_changed_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  const dealIndex = (name: string, columns: string[]) =>
    db.schema.createIndex(`crm_deals_${name}`).on('crm_deals').columns(columns).execute();
  await dealIndex('stage', ['stage_id', 'created_at']);
  // A board column of someone who sees only their own deals: stage, person, newest first.
  await dealIndex('stage_responsible', ['stage_id', 'responsible_id', 'created_at']);
  await dealIndex('pipeline', ['pipeline_id', 'created_at']);
  await dealIndex('responsible', ['responsible_id', 'created_at']);
  await dealIndex('contact', ['contact_id']);
  await dealIndex('company', ['company_id']);
  await db.schema
    .createTable('crm_deal_stages')
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_deal_stages_pk', ['deal_id', 'seq'])
    .execute();
  // The processes of a deal (`GET /instances?documentRef=deal:…`); partial, so instances without a
  // CRM item (nearly all) cost the index nothing.
  await db.schema
    .createIndex('instances_document_ref')
    .on('instances')
    .column('document_ref')
    .where(sql.ref('document_ref'), 'is not', null)
    .execute();
}

/** The templates' `documentType` (`GET /definitions?documentType=deal`), from the JSON of each version. */
async function copyDocumentTypes(db: Kysely<DefinitionRows>): Promise<void> {
  const rows = await db.selectFrom('definitions').select(['key', 'version', 'json']).execute();
  for (const row of rows) {
    const type = (JSON.parse(row.json) as { documentType?: unknown }).documentType;
    if (typeof type === 'string')
      await db
        .updateTable('definitions')
        .set({ document_type: type })
        .where('key', '=', row.key)
        .where('version', '=', row.version)
        .execute();
  }
}

interface DefinitionRows {
  definitions: { key: string; version: number; json: string; document_type: string | null };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('definitions').dropColumn('document_type').execute();
  await db.schema.dropIndex('instances_document_ref').execute();
  for (const table of [
    'crm_deal_stages',
    'crm_deals',
    'crm_contacts',
    'crm_companies',
    'crm_stages',
    'crm_pipelines',
  ])
    await db.schema.dropTable(table).execute();
}
