import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * The company's files (Диск): folders with read and write rights, and the files in them — one per name
 * in a folder, each upload of the name its next version (the bytes of each kept in
 * `drive_file_versions`, the latest ones a file's) — that processes run about (`file:<id>`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = isSqlite(db) ? sql`blob` : sql`bytea`;
  await db.schema
    .createTable('drive_folders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('drive_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('folder_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('drive_files_folder_name', ['folder_id', 'name'])
    .execute();
  await db.schema
    .createIndex('drive_files_folder_updated')
    .on('drive_files')
    .columns(['folder_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createTable('drive_file_versions')
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('drive_file_versions_pk', ['file_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('drive_file_versions').execute();
  await db.schema.dropTable('drive_files').execute();
  await db.schema.dropTable('drive_folders').execute();
}
