import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * The CRM's mail: company and personal mailboxes read over IMAP (passwords sealed with the server's
 * secret key), the letters taken from them or written in Baton — each on a deal or lead —, their files,
 * and the activity an incoming letter makes for the manager. Senders are matched to contacts, companies
 * and leads by e-mail case-insensitively: hence the `lower(email)` indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_mailboxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('imap_host', 'text', (c) => c.notNull())
    .addColumn('imap_port', 'integer', (c) => c.notNull())
    .addColumn('imap_tls', 'integer', (c) => c.notNull())
    .addColumn('imap_user', 'text', (c) => c.notNull())
    .addColumn('imap_password', 'text', (c) => c.notNull())
    .addColumn('imap_folder', 'text', (c) => c.notNull())
    .addColumn('smtp_host', 'text')
    .addColumn('smtp_port', 'integer')
    .addColumn('smtp_tls', 'integer')
    .addColumn('smtp_user', 'text')
    .addColumn('smtp_password', 'text')
    .addColumn('lead_pipeline_id', 'text')
    .addColumn('lead_responsible_id', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('check_minutes', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('uid_validity', 'text')
    .addColumn('last_uid', 'bigint', (c) => c.notNull())
    .addColumn('checked_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('crm_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('mailbox_id', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    // The Message-ID (a letter copied to two connected mailboxes is taken once), or one made up.
    .addColumn('message_key', 'text', (c) => c.notNull().unique())
    .addColumn('in_reply_to', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text')
    .addColumn('to_list', 'text', (c) => c.notNull())
    .addColumn('cc_list', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('crm_emails_deal').on('crm_emails').columns(['deal_id', 'sent_at']).execute();
  await db.schema
    .createIndex('crm_emails_mailbox')
    .on('crm_emails')
    .columns(['mailbox_id', 'sent_at'])
    .execute();

  const bytes = isSqlite(db) ? sql`blob` : sql`bytea`;
  await db.schema
    .createTable('crm_email_files')
    .addColumn('email_id', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_email_files_pk', ['email_id', 'idx'])
    .execute();

  await db.schema.alterTable('crm_activities').addColumn('email_id', 'text').execute();
  for (const [name, table, column] of [
    ['crm_contacts_email', 'crm_contacts', 'email'],
    ['crm_companies_email', 'crm_companies', 'email'],
    ['crm_deals_lead_email', 'crm_deals', 'lead_email'],
  ] as const)
    await db.schema
      .createIndex(name)
      .on(table)
      .expression(sql`lower(${sql.ref(column)})`)
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['crm_deals_lead_email', 'crm_companies_email', 'crm_contacts_email'])
    await db.schema.dropIndex(name).execute();
  await db.schema.alterTable('crm_activities').dropColumn('email_id').execute();
  await db.schema.dropTable('crm_email_files').execute();
  await db.schema.dropTable('crm_emails').execute();
  await db.schema.dropTable('crm_mailboxes').execute();
}
