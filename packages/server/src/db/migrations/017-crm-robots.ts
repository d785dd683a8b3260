import type { Kysely } from 'kysely';

/**
 * Robots on pipeline stages: when a deal enters a stage — at once, or after `delay` if it is still there
 * (the "forgotten client") — a robot notifies its manager (`message`, a `{{ }}` template) or starts a
 * process about the deal (`definition_key`). What each deal's entries set off are jobs (`crmRobot`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_robots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('delay', 'text')
    .addColumn('message', 'text')
    .addColumn('notify_head', 'integer', (c) => c.notNull())
    .addColumn('definition_key', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crm_robots_stage').on('crm_robots').columns(['stage_id']).execute();
  await db.schema
    .createIndex('crm_robots_pipeline')
    .on('crm_robots')
    .columns(['pipeline_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_robots').execute();
}
