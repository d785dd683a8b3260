import type { Kysely } from 'kysely';

/**
 * A template's place and picture in the catalogue, copied from its JSON (`sort`, `icon`) when a version
 * is saved, so listing templates reads two columns instead of every definition's JSON. Nothing to fill
 * in: until now the model refused both fields, so no stored version that compiles has them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('definitions').addColumn('sort', 'integer').execute();
  await db.schema.alterTable('definitions').addColumn('icon', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('definitions').dropColumn('icon').execute();
  await db.schema.alterTable('definitions').dropColumn('sort').execute();
}
