import type { Effect } from '@baton/engine';
import type { Kysely } from 'kysely';
import { newRowId } from '../../db/row-ids.ts';
import type { Database } from '../../db/schema.ts';
import { publishUserEvent } from '../../events/user-events.ts';
import { noticeText } from '../../mail/notice-message.ts';
import type { MailSettings } from '../../mail/settings.ts';
import { noticeView } from '../../notifications/notices.ts';
import { currentDirectory } from '../../runtime/step-context.ts';
import { toIso } from '../../util/time.ts';
import { enqueue } from '../enqueue.ts';
import { type JobHandler, payloadOf } from '../handler.ts';

type Notify = Extract<Effect, { type: 'notify' }>;
type SendEmail = Extract<Effect, { type: 'sendEmail' }>;

/** An e-mail's subject: the notification's first line, cut. */
const SUBJECT_LENGTH = 120;

/**
 * In-app notifications are stored for their recipients (references resolved), together with the job's
 * completion. With e-mail on (`mail`), each recipient who has an e-mail address (and has not turned
 * these copies off) also gets it by mail —
 * reminders and overdue notices reach people who are not looking at Baton — queued in the same
 * transaction, once per recipient.
 */
export function notifyHandler(mail: MailSettings | null): JobHandler {
  return {
    kind: 'notify',
    async run(rt, job, finish) {
      const e = payloadOf<Notify>(job);
      await rt.db.kysely.transaction().execute(async (trx) => {
        const now = rt.now();
        // `head:ann`, `role:HR`: the people they name now, absences applied (a deputy is told instead).
        const recipients = (await currentDirectory(rt, trx, now)).recipients(e.to, now);
        const rows = recipients.map((recipient) => ({
          id: newRowId(),
          recipient,
          text: e.text,
          message: e.message ? JSON.stringify(e.message) : null,
          instance_id: job.instance_id,
          node_id: e.nodeId,
          created_at: now,
          read_at: null,
        }));
        if (rows.length > 0) await trx.insertInto('notifications').values(rows).execute();
        await publishUserEvent(
          trx,
          ...rows.map((r) => ({
            type: 'notification' as const,
            userId: r.recipient,
            data: {
              id: r.id,
              text: r.text,
              message: e.message ? noticeView(e.message) : null,
              instanceId: r.instance_id,
              createdAt: toIso(r.created_at),
            },
          })),
        );
        if (mail) await mailCopies(trx, mail, job.key, job.instance_id, e, recipients, now);
        await finish(trx);
      });
      if (mail) rt.wake();
    },
  };
}

/**
 * One `sendEmail` job per recipient with an e-mail address who wants these copies, keyed by the
 * notification's job. Baton's own notices are worded in each reader's language; a template's text goes
 * as written.
 */
async function mailCopies(
  trx: Kysely<Database>,
  mail: MailSettings,
  jobKey: string,
  instanceId: string | null,
  e: Notify,
  recipients: readonly string[],
  now: number,
): Promise<void> {
  if (recipients.length === 0) return;
  const readers = await trx
    .selectFrom('users')
    .select(['id', 'locale', 'time_zone'])
    .where('id', 'in', recipients)
    .where('email', 'is not', null)
    .where('email', '!=', '')
    .where('email_notifications', '=', 1)
    .execute();
  const link =
    mail.publicUrl && instanceId ? `\n\n${mail.publicUrl}/processes/${encodeURIComponent(instanceId)}` : '';
  await enqueue(
    trx,
    readers.map(({ id, locale, time_zone }) => {
      const key = `${jobKey}:email:${id}`;
      const text = e.message ? noticeText(e.message, { locale, timeZone: time_zone }) : e.text;
      const payload: SendEmail = {
        type: 'sendEmail',
        key,
        nodeId: e.nodeId,
        to: [`user:${id}`],
        cc: [],
        subject: subjectOf(text),
        body: `${text}${link}`,
      };
      return { kind: 'sendEmail', key, instanceId, payload, dueAt: now };
    }),
    now,
  );
}

/** An e-mail's subject: the notification's first line, cut. */
function subjectOf(text: string): string {
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine === '') return 'Baton';
  return firstLine.length > SUBJECT_LENGTH ? `${firstLine.slice(0, SUBJECT_LENGTH - 1)}…` : firstLine;
}
