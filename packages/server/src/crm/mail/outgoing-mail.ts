import type { Kysely } from 'kysely';
import type { CrmEmailsTable, Database } from '../../db/schema.ts';
import type { OutgoingMail } from '../../mail/transport.ts';
import type { Address } from './letter.ts';

const display = (a: Address) => (a.name ? `"${a.name.replace(/["\\]/g, '')}" <${a.address}>` : a.address);

/** A letter written in Baton as the message that goes out — and, the same, as its copy in Sent. */
export async function outgoingMail(
  db: Kysely<Database>,
  e: CrmEmailsTable,
  key: string,
): Promise<OutgoingMail> {
  const described = JSON.parse(e.files) as { filename: string; contentType: string }[];
  const stored = await db
    .selectFrom('crm_email_files')
    .select(['idx', 'content'])
    .where('email_id', '=', e.id)
    .orderBy('idx')
    .execute();
  return {
    from: display({ address: e.from_address, name: e.from_name }),
    to: (JSON.parse(e.to_list) as Address[]).map(display),
    cc: (JSON.parse(e.cc_list) as Address[]).map(display),
    subject: e.subject,
    text: e.body,
    key,
    messageId: e.message_key,
    attachments: stored.map((f) => ({
      ...(described[f.idx] as (typeof described)[number]),
      content: f.content,
    })),
    ...(e.in_reply_to && { inReplyTo: e.in_reply_to, references: [e.in_reply_to] }),
    ...(e.delivered_at !== null && { date: new Date(Number(e.delivered_at)) }),
  };
}
