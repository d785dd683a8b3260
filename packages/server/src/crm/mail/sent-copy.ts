import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import { composeMail } from '../../mail/transport.ts';
import type { Runtime } from '../../runtime/context.ts';
import { imapClient, problemOf } from './connection.ts';
import { imapOf } from './mailbox-rows.ts';
import { outgoingMail } from './outgoing-mail.ts';

/** The job that puts a sent letter into its mailbox's Sent folder. */
export const SENT_COPY_JOB = 'crmEmailSentCopy';

/** The folder made when a mailbox has none its server or its name marks as Sent. */
const NEW_SENT_FOLDER = 'Sent';

/** Within the transaction that records a letter sent: its copy for the mailbox's Sent folder. */
export async function queueSentCopy(rt: Runtime, trx: Kysely<Database>, emailId: string): Promise<void> {
  const now = rt.now();
  await enqueue(
    trx,
    [
      {
        kind: SENT_COPY_JOB,
        key: `${SENT_COPY_JOB}:${emailId}`,
        instanceId: null,
        payload: { emailId },
        dueAt: now,
      },
    ],
    now,
  );
  await announceJobs(rt.db, trx);
}

/**
 * Puts a letter written in Baton into its mailbox's Sent folder — the one the server marks `\Sent`, or
 * named so (imapflow knows the usual names, «Отправленные» too), else a new `Sent` — so the manager's
 * own mail client shows what they wrote from the deal. Once: a copy with the letter's Message-ID already
 * there is not added again. A server that cannot be reached is tried again later.
 */
export const sentCopyHandler: JobHandler = {
  kind: SENT_COPY_JOB,
  async run(rt, job, finish) {
    const { emailId } = payloadOf<{ emailId: string }>(job);
    const db = rt.db.kysely;
    const e = await db.selectFrom('crm_emails').selectAll().where('id', '=', emailId).executeTakeFirst();
    const m = e?.mailbox_id
      ? await db.selectFrom('crm_mailboxes').selectAll().where('id', '=', e.mailbox_id).executeTakeFirst()
      : undefined;
    if (!e || !m || e.delivered_at === null) return finish();
    const message = await composeMail(await outgoingMail(db, e, `${SENT_COPY_JOB}:${e.id}`));
    const settings = imapOf(rt, m);
    const client = imapClient(settings);
    try {
      await client.connect().catch((error: unknown) => {
        throw new Error(problemOf(error, settings).message);
      });
      const folder = (await client.list()).find((f) => f.specialUse === '\\Sent')?.path;
      const path = folder ?? (await client.mailboxCreate(NEW_SENT_FOLDER)).path;
      const lock = await client.getMailboxLock(path);
      try {
        const there = await client.search({ header: { 'message-id': e.message_key } }, { uid: true });
        if (!there || there.length === 0)
          await client.append(path, message, ['\\Seen'], new Date(Number(e.delivered_at)));
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    await finish();
  },
};
