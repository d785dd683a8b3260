import type { Kysely } from 'kysely';

/**
 * Deleting a template marks its versions instead of removing them: instances already running keep
 * reading their version (`compiledDefinition`), and the primary key (key, version) keeps the numbers
 * taken, so a template created later under the same key continues after them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('definitions').addColumn('deleted_at', 'bigint').execute();
  await db.schema.alterTable('definitions').addColumn('deleted_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('definitions').dropColumn('deleted_by').execute();
  await db.schema.alterTable('definitions').dropColumn('deleted_at').execute();
}
