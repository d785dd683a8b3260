import type { Kysely } from 'kysely';

/**
 * Triggers on pipeline stages: when something happens to a deal or lead — a client's letter comes, an
 * activity is done, the client answers a quote, an outside system calls — it moves to the trigger's
 * stage (forward only, unless `allow_backward`). What an event sets off is a job (`crmTrigger`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_triggers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('activity_kind', 'text')
    .addColumn('allow_backward', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_triggers_pipeline_event')
    .on('crm_triggers')
    .columns(['pipeline_id', 'event'])
    .execute();
  await db.schema.createIndex('crm_triggers_stage').on('crm_triggers').columns(['stage_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_triggers').execute();
}
