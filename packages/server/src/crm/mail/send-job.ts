import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { PermanentFailure } from '../../jobs/handlers/webhook.ts';
import type { MailSettings } from '../../mail/settings.ts';
import { createMailer } from '../../mail/transport.ts';
import { smtpUrl } from './connection.ts';
import { EMAIL_SEND_JOB } from './emails.ts';
import { smtpOf } from './mailbox-rows.ts';
import { outgoingMail } from './outgoing-mail.ts';
import { queueSentCopy } from './sent-copy.ts';

/**
 * Sends a letter written in Baton: through the mailbox's own SMTP server, else through Baton's
 * (`BATON_SMTP_URL`) with the mailbox's address as the sender. Neither: the job fails for good, saying so.
 * Sent, a letter of a connected mailbox gets its copy put into that mailbox's Sent folder (sent-copy.ts).
 */
export function emailSendHandler(companySmtp: MailSettings | null): JobHandler {
  return {
    kind: EMAIL_SEND_JOB,
    async run(rt, job, finish) {
      const { emailId } = payloadOf<{ emailId: string }>(job);
      const db = rt.db.kysely;
      const e = await db.selectFrom('crm_emails').selectAll().where('id', '=', emailId).executeTakeFirst();
      if (!e || e.delivered_at !== null) return finish();
      const m = e.mailbox_id
        ? await db.selectFrom('crm_mailboxes').selectAll().where('id', '=', e.mailbox_id).executeTakeFirst()
        : undefined;
      const own = m ? smtpOf(rt, m) : null;
      const settings = own ? { url: smtpUrl(own), from: e.from_address, publicUrl: null } : companySmtp;
      if (!settings)
        throw new PermanentFailure(
          'no SMTP server: give the mailbox its own SMTP server, or set BATON_SMTP_URL for Baton',
        );
      await createMailer(settings)(await outgoingMail(db, e, job.key));
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('crm_emails').set({ delivered_at: rt.now() }).where('id', '=', e.id).execute();
        if (m) await queueSentCopy(rt, trx, e.id);
        await finish(trx);
      });
    },
  };
}
