import type { Effect } from '@baton/engine';
import { attachmentsOf } from '../../documents/attachments.ts';
import type { MailSettings } from '../../mail/settings.ts';
import { createMailer } from '../../mail/transport.ts';
import { recipientsOf } from '../../notifications/recipients.ts';
import { type JobHandler, payloadOf } from '../handler.ts';
import { PermanentFailure } from './webhook.ts';

type SendEmail = Extract<Effect, { type: 'sendEmail' }>;

/**
 * Sends a process's e-mail through SMTP, at least once (mail/transport.ts: the same Message-ID on a
 * repeat, 5xx final, the rest retried). Recipients are addresses or references to people; documents
 * named by `attachments` and the process's files named by `files` go with it (documents/attachments.ts).
 */
export function emailHandler(settings: MailSettings): JobHandler {
  const send = createMailer(settings);
  return {
    kind: 'sendEmail',
    async run(rt, job, finish) {
      const e = payloadOf<SendEmail>(job);
      const attachments = await attachmentsOf(rt, job.instance_id, {
        documents: e.attachments ?? [],
        files: e.files ?? [],
      }).catch((error: unknown) => {
        throw error instanceof PermanentFailure
          ? new PermanentFailure(`e-mail at ${e.nodeId}: ${error.message}`)
          : new Error(`e-mail at ${e.nodeId}: ${(error as Error).message}`);
      });
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
        const { rejected } = await send({
          to: to.addresses,
          cc: cc.addresses,
          subject: e.subject,
          text: e.body,
          key: job.key,
          attachments,
        });
        if (rejected.length > 0)
          rt.log.warn({ job: job.key, rejected }, 'the SMTP server refused some recipients');
      } catch (error) {
        if (error instanceof PermanentFailure)
          throw new PermanentFailure(`e-mail at ${e.nodeId}: ${error.message}`);
        throw error;
      }
      await finish();
    },
  };
}
