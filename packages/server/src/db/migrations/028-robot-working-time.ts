import type { Kysely } from 'kysely';

/** A robot may count its delay (and its activity's deadline) in the company's working time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('crm_robots')
    .addColumn('working_time', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crm_robots').dropColumn('working_time').execute();
}
