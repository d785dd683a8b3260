import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * Document templates (a DOCX file, or a text template kept as text; the names it reads found once, when
 * it is saved) and the documents processes generate from them (createDocument activities), kept as files. `documents.job_key` is the job that
 * made one: a job run twice (at least once) stores it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = isSqlite(db) ? sql`blob` : sql`bytea`;
  await db.schema
    .createTable('document_templates')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file', bytes)
    .addColumn('text', 'text')
    .addColumn('placeholders', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_key', 'text', (c) => c.notNull().unique())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('file', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('documents_instance')
    .on('documents')
    .columns(['instance_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('documents').execute();
  await db.schema.dropTable('document_templates').execute();
}
