import type { Kysely } from 'kysely';

/**
 * A notice Baton words itself (a task's reminder, its overdue notice) kept as data beside its English
 * text (JSON of the engine's `NoticeMessage`), so that each reader sees it in their language. Earlier
 * notifications have none and show their text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('message', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('message').execute();
}
