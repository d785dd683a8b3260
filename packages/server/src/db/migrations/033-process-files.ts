import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * Files given to processes through their `file` fields (a contract attached at the start, a signed scan
 * in a task): uploaded first, then linked to the instances whose values name them — only those
 * instances' viewers download them. Uploads no start or task took are let go after a day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = isSqlite(db) ? sql`blob` : sql`bytea`;
  await db.schema
    .createTable('process_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('process_files_uploaded').on('process_files').column('uploaded_at').execute();
  await db.schema
    .createTable('process_file_links')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('process_file_links_pk', ['instance_id', 'file_id'])
    .execute();
  await db.schema.createIndex('process_file_links_file').on('process_file_links').column('file_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('process_file_links').execute();
  await db.schema.dropTable('process_files').execute();
}
