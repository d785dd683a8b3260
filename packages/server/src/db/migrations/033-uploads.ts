import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * Files given to `file` fields — a process's (the contract attached at its start, a task's signed scan)
 * or a CRM item's or list record's ("the contract's scan" on a deal): uploaded first, then linked to
 * what holds them (`owner`: `instance:<id>`, `deal:<id>`, `record:<id>`, …), whose readers download
 * them. Uploads nothing took are let go after a day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = isSqlite(db) ? sql`blob` : sql`bytea`;
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uploads_uploaded').on('uploads').column('uploaded_at').execute();
  await db.schema
    .createTable('upload_links')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('upload_links_pk', ['owner', 'file_id'])
    .execute();
  await db.schema.createIndex('upload_links_file').on('upload_links').column('file_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('upload_links').execute();
  await db.schema.dropTable('uploads').execute();
}
