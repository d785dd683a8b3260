import type { Kysely } from 'kysely';

/**
 * Activities (дела) planned on a deal or lead — a call, a meeting, an e-mail, a task — each with its
 * deadline and the person who does it; done ones keep their result. A robot on a stage may plan one
 * (`crm_robots.activity_kind`, `activity_due`: how long after it acts the activity is due).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('result', 'text')
    .addColumn('done_at', 'bigint')
    .addColumn('done_by', 'text')
    .addColumn('robot_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // A deal's activities by deadline; someone's open ones by deadline (their plan, what is overdue).
  await db.schema
    .createIndex('crm_activities_deal')
    .on('crm_activities')
    .columns(['deal_id', 'due_at'])
    .execute();
  await db.schema
    .createIndex('crm_activities_responsible')
    .on('crm_activities')
    .columns(['responsible_id', 'done_at', 'due_at'])
    .execute();
  await db.schema.alterTable('crm_robots').addColumn('activity_kind', 'text').execute();
  await db.schema.alterTable('crm_robots').addColumn('activity_due', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crm_robots').dropColumn('activity_due').execute();
  await db.schema.alterTable('crm_robots').dropColumn('activity_kind').execute();
  await db.schema.dropTable('crm_activities').execute();
}
