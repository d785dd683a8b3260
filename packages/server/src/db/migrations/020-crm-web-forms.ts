import type { Kysely } from 'kysely';

/**
 * CRM web forms (веб-формы): a form on the company's site that makes a lead. `token` is the form's
 * public address; `fields` (JSON) which of a lead's details it asks and which it needs. Submissions are
 * counted per address (`crm_form_submissions`) so a script cannot flood the CRM.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_web_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('success_text', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crm_form_submissions')
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crm_form_submissions_address')
    .on('crm_form_submissions')
    .columns(['form_id', 'address', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_form_submissions').execute();
  await db.schema.dropTable('crm_web_forms').execute();
}
