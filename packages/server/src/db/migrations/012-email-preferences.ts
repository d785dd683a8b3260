import type { Kysely } from 'kysely';

/**
 * Each person's choice of e-mail (1 or 0): about tasks handed to them, and copies of their
 * notifications. Both on by default: what e-mail did before the choice existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('email_tasks', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('email_notifications', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('email_notifications').execute();
  await db.schema.alterTable('users').dropColumn('email_tasks').execute();
}
