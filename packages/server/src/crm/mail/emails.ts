import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Caller } from '../../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../../db/page.ts';
import type { CrmEmailsTable, Database } from '../../db/schema.ts';
import type { Runtime } from '../../runtime/context.ts';
import { NotFound } from '../../runtime/errors.ts';
import { toIso } from '../../util/time.ts';
import type { CrmEntity } from '../pipelines.ts';
import { type LedBy, ledByCaller } from '../visibility.ts';
import type { Address } from './letter.ts';
import type { Direction } from './store.ts';

export const EMAIL_SEND_JOB = 'crmEmailSend';

export type EmailStatus = 'received' | 'queued' | 'sent' | 'failed';

export interface EmailFileView {
  index: number;
  filename: string;
  contentType: string;
  size: number;
}

export interface EmailView {
  id: string;
  dealId: string;
  dealTitle: string;
  entity: CrmEntity;
  mailboxId: string | null;
  mailboxName: string | null;
  direction: Direction;
  from: Address;
  to: Address[];
  cc: Address[];
  subject: string;
  preview: string;
  sentAt: string;
  status: EmailStatus;
  error: string | null;
  attachments: EmailFileView[];
  createdBy: string | null;
  createdAt: string;
}

export type EmailDetail = EmailView & { text: string };

export interface EmailFilter {
  dealId?: string | undefined;
  mailboxId?: string | undefined;
  direction?: Direction | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

const PREVIEW = 200;

/** Letters with their deal and mailbox, and an outgoing one's sending job: those of deals the caller sees. */
function emailRows(db: Kysely<Database>, ledBy: LedBy | null) {
  let q = db
    .selectFrom('crm_emails as e')
    .innerJoin('crm_deals as d', 'd.id', 'e.deal_id')
    .leftJoin('crm_mailboxes as m', 'm.id', 'e.mailbox_id')
    .leftJoin('jobs as j', (join) => join.on('j.key', '=', sql<string>`${EMAIL_SEND_JOB} || ':' || e.id`))
    .selectAll('e')
    .select([
      'd.title as deal_title',
      'd.entity',
      'm.name as mailbox_name',
      'j.status as job_status',
      'j.last_error',
    ]);
  if (ledBy) q = q.where(ledBy('deals', 'd'));
  return q;
}
type Row = CrmEmailsTable & {
  deal_title: string;
  entity: string;
  mailbox_name: string | null;
  job_status: string | null;
  last_error: string | null;
};

function statusOf(e: Row): { status: EmailStatus; error: string | null } {
  if (e.direction === 'in') return { status: 'received', error: null };
  if (e.delivered_at !== null) return { status: 'sent', error: null };
  if (e.job_status === 'dead') return { status: 'failed', error: e.last_error };
  return { status: 'queued', error: e.last_error };
}

const view = (e: Row): EmailView => ({
  id: e.id,
  dealId: e.deal_id,
  dealTitle: e.deal_title,
  entity: e.entity as CrmEntity,
  mailboxId: e.mailbox_id,
  mailboxName: e.mailbox_name,
  direction: e.direction as Direction,
  from: { address: e.from_address, name: e.from_name },
  to: JSON.parse(e.to_list) as Address[],
  cc: JSON.parse(e.cc_list) as Address[],
  subject: e.subject,
  preview: e.body.replace(/\s+/g, ' ').trim().slice(0, PREVIEW),
  sentAt: toIso(e.sent_at),
  ...statusOf(e),
  attachments: (JSON.parse(e.files) as Omit<EmailFileView, 'index'>[]).map((f, index) => ({ index, ...f })),
  createdBy: e.created_by,
  createdAt: toIso(e.created_at),
});

/** Newest first. */
export async function listEmails(rt: Runtime, caller: Caller, f: EmailFilter): Promise<Page<EmailView>> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = emailRows(db, await ledByCaller(db, caller));
  if (f.dealId !== undefined) q = q.where('e.deal_id', '=', f.dealId);
  if (f.mailboxId !== undefined) q = q.where('e.mailbox_id', '=', f.mailboxId);
  if (f.direction !== undefined) q = q.where('e.direction', '=', f.direction);
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where(sql<SqlBool>`(e.sent_at < ${at} or (e.sent_at = ${at} and e.id < ${id}))`);
  }
  const rows = await q
    .orderBy('e.sent_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, view, (r) => [Number(r.sent_at), r.id]);
}

/** A letter on a deal the caller sees; 404 for the rest. */
export async function readEmail(db: Kysely<Database>, caller: Caller, id: string): Promise<Row> {
  const row = await emailRows(db, await ledByCaller(db, caller))
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound('e-mail', id);
  return row;
}

export async function getEmail(rt: Runtime, caller: Caller, id: string): Promise<EmailDetail> {
  const row = await readEmail(rt.db.kysely, caller, id);
  return { ...view(row), text: row.body };
}

/** One of a letter's files, for download. */
export async function emailFile(
  rt: Runtime,
  caller: Caller,
  id: string,
  index: number,
): Promise<EmailFileView & { content: Buffer }> {
  const db = rt.db.kysely;
  const file = view(await readEmail(db, caller, id)).attachments[index];
  const stored = await db
    .selectFrom('crm_email_files')
    .select('content')
    .where('email_id', '=', id)
    .where('idx', '=', index)
    .executeTakeFirst();
  if (!file || !stored) throw new NotFound('attachment', `${id}/${index}`);
  return { ...file, content: stored.content };
}
