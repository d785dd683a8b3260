import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { PermanentFailure } from '../../jobs/handlers/webhook.ts';
import type { MailSettings } from '../../mail/settings.ts';
import { createMailer } from '../../mail/transport.ts';
import { quoteFileName, quotePdf } from './quote-pdf.ts';
import { QUOTE_EMAIL_JOB, type QuoteEmailJob } from './quote-status.ts';
import { readQuote } from './quotes.ts';

/** Mails a sent quote with its PDF, at least once (the job key gives the Message-ID). */
export function quoteEmailHandler(settings: MailSettings): JobHandler {
  const send = createMailer(settings);
  return {
    kind: QUOTE_EMAIL_JOB,
    async run(rt, job, finish) {
      const mail = payloadOf<QuoteEmailJob>(job);
      const quote = await readQuote(rt.db.kysely, mail.quoteId);
      if (!quote) throw new PermanentFailure(`quote ${mail.quoteId} no longer exists`);
      const pdf = await quotePdf(rt.db.kysely, quote);
      await send({
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        key: job.key,
        attachments: [{ filename: quoteFileName(quote), content: pdf, contentType: 'application/pdf' }],
      });
      await finish();
    },
  };
}
