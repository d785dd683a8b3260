import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { PermanentFailure } from '../../jobs/handlers/webhook.ts';
import type { MailSettings } from '../../mail/settings.ts';
import { createMailer } from '../../mail/transport.ts';
import { smtpUrl } from './connection.ts';
import { EMAIL_SEND_JOB } from './emails.ts';
import type { Address } from './letter.ts';
import { smtpOf } from './mailbox-rows.ts';

const display = (a: Address) => (a.name ? `"${a.name.replace(/["\\]/g, '')}" <${a.address}>` : a.address);

/**
 * Sends a letter written in Baton: through the mailbox's own SMTP server, else through Baton's
 * (`BATON_SMTP_URL`) with the mailbox's address as the sender. Neither: the job fails for good, saying so.
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
      const send = createMailer(settings);
      const described = JSON.parse(e.files) as { filename: string; contentType: string }[];
      const stored = await db
        .selectFrom('crm_email_files')
        .select(['idx', 'content'])
        .where('email_id', '=', e.id)
        .orderBy('idx')
        .execute();
      await send({
        from: display({ address: e.from_address, name: e.from_name }),
        to: (JSON.parse(e.to_list) as Address[]).map(display),
        cc: (JSON.parse(e.cc_list) as Address[]).map(display),
        subject: e.subject,
        text: e.body,
        key: job.key,
        messageId: e.message_key,
        attachments: stored.map((f) => ({
          ...(described[f.idx] as (typeof described)[number]),
          content: f.content,
        })),
        ...(e.in_reply_to && { inReplyTo: e.in_reply_to, references: [e.in_reply_to] }),
      });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('crm_emails').set({ delivered_at: rt.now() }).where('id', '=', e.id).execute();
        await finish(trx);
      });
    },
  };
}
