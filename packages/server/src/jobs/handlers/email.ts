import { createHash } from 'node:crypto';
import type { Effect } from '@baton/engine';
import nodemailer from 'nodemailer';
import { recipientsOf } from '../../mail/recipients.ts';
import type { MailSettings } from '../../mail/settings.ts';
import { type JobHandler, payloadOf } from '../handler.ts';
import { PermanentFailure } from './webhook.ts';

type SendEmail = Extract<Effect, { type: 'sendEmail' }>;

/** A server that does not answer in time fails the attempt, which is retried with back-off. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends a process's e-mail through SMTP, at least once: a retried attempt carries the same Message-ID
 * (derived from the job key), so a receiving system can tell a repeat. A 5xx answer (the server refuses
 * the message or every recipient) is final; a 4xx answer, a refused connection or a timeout is retried.
 */
export function emailHandler(settings: MailSettings): JobHandler {
  const transport = nodemailer.createTransport(settings.url, { from: settings.from, ...TIMEOUTS });
  const domain = settings.from.replace(/^.*@/, '').replace(/[>\s].*$/, '') || 'baton';
  return {
    kind: 'sendEmail',
    async run(rt, job, finish) {
      const e = payloadOf<SendEmail>(job);
      const to = await recipientsOf(rt, rt.db.kysely, e.to);
      const cc = await recipientsOf(rt, rt.db.kysely, e.cc);
      const unreachable = [...to.unreachable, ...cc.unreachable];
      if (to.addresses.length + cc.addresses.length === 0)
        throw new PermanentFailure(
          `e-mail at ${e.nodeId}: no recipient has an e-mail address (${unreachable.join(', ')})`,
        );
      if (unreachable.length > 0)
        rt.log.warn({ job: job.key, nodeId: e.nodeId, unreachable }, 'e-mail sent without some recipients');
      try {
        const sent = await transport.sendMail({
          to: to.addresses,
          cc: cc.addresses,
          subject: e.subject.replace(/\s*[\r\n]+\s*/g, ' '),
          text: e.body,
          messageId: `<${createHash('sha256').update(job.key).digest('hex').slice(0, 32)}@${domain}>`,
        });
        if (sent.rejected.length > 0)
          rt.log.warn({ job: job.key, rejected: sent.rejected }, 'the SMTP server refused some recipients');
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500)
          throw new PermanentFailure(`e-mail at ${e.nodeId}: ${(error as Error).message}`);
        throw error;
      }
      await finish();
    },
  };
}
