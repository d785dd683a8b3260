import type { Kysely } from 'kysely';

/**
 * CRM access by role ("sales see what they need, lawyers what they need"): beyond what everyone has —
 * the items they lead and those of the people below them — a grant lets the holders of `role` read, or
 * read and change, every item of `entity` (`deal`, `lead`, `contact`, `company`), or only the deals or
 * leads of one pipeline. `pipeline_id` is '' for all of them, so the unique index holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_access_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_access_grants_role')
    .on('crm_access_grants')
    .columns(['role', 'entity', 'pipeline_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_access_grants').execute();
}
