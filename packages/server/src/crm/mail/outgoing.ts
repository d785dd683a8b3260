import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Caller } from '../../access/caller.ts';
import type { Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import type { Runtime } from '../../runtime/context.ts';
import { NotFound } from '../../runtime/errors.ts';
import { writableDeal } from '../deals.ts';
import { badReference } from '../references.ts';
import { EMAIL_SEND_JOB, type EmailView, getEmail } from './emails.ts';
import type { LetterFile } from './letter.ts';
import { mayUse, usableMailbox } from './mailboxes.ts';
import { insertEmail } from './store.ts';

export interface OutgoingInput {
  dealId: string;
  mailboxId?: string | undefined;
  to: string[];
  cc?: string[] | undefined;
  subject: string;
  text: string;
  replyToId?: string | undefined;
  attachments?: { filename: string; contentType?: string | undefined; content: string }[] | undefined;
}

/** What one letter may carry: mail servers commonly refuse messages over 25 MB, base64 included. */
export const MAX_ATTACHED_BYTES = 15 * 1024 * 1024;

/** The files as bytes (base64 in the request); 422 at the file that is not base64 or goes over the limit. */
function filesOf(input: OutgoingInput): LetterFile[] {
  let total = 0;
  return (input.attachments ?? []).map((file, i) => {
    const content = Buffer.from(file.content, 'base64');
    if (content.toString('base64').replace(/=+$/, '') !== file.content.replace(/\s+/g, '').replace(/=+$/, ''))
      throw badReference(`body.attachments.${i}.content`, 'this is not base64');
    total += content.length;
    if (total > MAX_ATTACHED_BYTES)
      throw badReference(`body.attachments.${i}.content`, 'the files of a letter may take 15 MB at most');
    return { filename: file.filename, contentType: file.contentType ?? 'application/octet-stream', content };
  });
}

/** The mailbox a letter goes out from: the one named, else the caller's own, else the company's first. */
async function senderMailbox(trx: Kysely<Database>, caller: Caller, mailboxId: string | undefined) {
  if (mailboxId !== undefined)
    return usableMailbox(trx, caller, mailboxId).catch((error: unknown) => {
      throw error instanceof NotFound
        ? badReference('body.mailboxId', `there is no mailbox ${mailboxId}`)
        : error;
    });
  const all = await trx
    .selectFrom('crm_mailboxes as m')
    .leftJoin('users as u', 'u.id', 'm.owner_id')
    .selectAll('m')
    .select('u.name as owner_name')
    .where((eb) => eb.or([eb('m.owner_id', '=', caller.userId), eb('m.owner_id', 'is', null)]))
    .orderBy('m.name')
    .orderBy('m.id')
    .execute();
  const mine = all.find((m) => m.owner_id === caller.userId) ?? all.find((m) => mayUse(caller, m));
  if (!mine) throw badReference('body.mailboxId', 'connect a mailbox first (CRM → Mailboxes)');
  return mine;
}

/**
 * Writes a letter on a deal or lead the caller may change and queues it for sending (the outbox shows
 * it; SMTP delivers it at least once under one Message-ID). Answering a letter threads the answer to
 * it and completes the activity that letter made.
 */
export async function sendEmail(rt: Runtime, caller: Caller, input: OutgoingInput): Promise<EmailView> {
  const files = filesOf(input);
  const id = await rt.db.kysely.transaction().execute(async (trx) => {
    const deal = await writableDeal(trx, caller, input.dealId);
    const mailbox = await senderMailbox(trx, caller, input.mailboxId);
    const answered =
      input.replyToId === undefined ? null : await answeredLetter(trx, deal.id, input.replyToId);
    const now = rt.now();
    const domain = mailbox.address.replace(/^.*@/, '') || 'baton';
    const emailId = await insertEmail(trx, {
      dealId: deal.id,
      mailboxId: mailbox.id,
      direction: 'out',
      letter: {
        key: `<${randomUUID()}@${domain}>`,
        answers: answered ? [answered.message_key] : [],
        from: { address: mailbox.address, name: mailbox.owner_name ?? mailbox.name },
        to: input.to.map((address) => ({ address, name: null })),
        cc: (input.cc ?? []).map((address) => ({ address, name: null })),
        subject: input.subject,
        text: input.text,
        sentAt: now,
        files,
        automatic: false,
      },
      createdBy: caller.userId,
      now,
    });
    const key = `${EMAIL_SEND_JOB}:${emailId}`;
    await enqueue(
      trx,
      [{ kind: EMAIL_SEND_JOB, key, instanceId: null, payload: { emailId }, dueAt: now }],
      now,
    );
    await announceJobs(rt.db, trx);
    if (answered)
      await trx
        .updateTable('crm_activities')
        .set({ done_at: now, done_by: caller.userId, updated_at: now })
        .where('email_id', '=', answered.id)
        .where('done_at', 'is', null)
        .execute();
    return emailId;
  });
  rt.wake();
  return getEmail(rt, caller, id);
}

async function answeredLetter(trx: Kysely<Database>, dealId: string, id: string) {
  const letter = await trx
    .selectFrom('crm_emails')
    .select(['id', 'message_key'])
    .where('id', '=', id)
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
  if (!letter) throw badReference('body.replyToId', `there is no letter ${id} on this deal`);
  return letter;
}
