import type { Kysely } from 'kysely';

/**
 * A template's catalogue labels, copied from its JSON (`labels`, a JSON array) when a version is saved,
 * like `sort` and `icon` (005). Nothing to fill in: until now the model refused the field, so no stored
 * version that compiles has it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('definitions')
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('definitions').dropColumn('labels').execute();
}
