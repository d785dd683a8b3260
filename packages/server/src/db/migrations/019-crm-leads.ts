import type { Kysely } from 'kysely';

/**
 * Leads (лиды): requests not yet qualified, on pipelines of their own. A lead is kept as a deal of
 * `entity` `lead` — the same stages, history, robots, visibility and processes — with the person's
 * details as text (`lead_*`, `source`) until it is converted into a contact, a company and a deal
 * (`converted_deal_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('crm_pipelines')
    .addColumn('entity', 'text', (c) => c.notNull().defaultTo('deal'))
    .execute();
  for (const column of [
    'lead_name',
    'lead_company',
    'lead_phone',
    'lead_email',
    'source',
    'converted_deal_id',
  ])
    await db.schema.alterTable('crm_deals').addColumn(column, 'text').execute();
  await db.schema
    .alterTable('crm_deals')
    .addColumn('entity', 'text', (c) => c.notNull().defaultTo('deal'))
    .execute();
  await db.schema.createIndex('crm_deals_entity').on('crm_deals').columns(['entity', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('crm_deals_entity').execute();
  for (const column of [
    'entity',
    'lead_name',
    'lead_company',
    'lead_phone',
    'lead_email',
    'source',
    'converted_deal_id',
  ])
    await db.schema.alterTable('crm_deals').dropColumn(column).execute();
  await db.schema.alterTable('crm_pipelines').dropColumn('entity').execute();
}
