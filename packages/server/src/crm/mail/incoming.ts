import type { NoticeMessage } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { CrmMailboxesTable, Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import type { Runtime } from '../../runtime/context.ts';
import { insertActivity } from '../activities/activities.ts';
import { queueTriggers } from '../triggers/fire.ts';
import type { FolderPosition, Letter } from './letter.ts';
import { routeLetter } from './routing.ts';
import { insertEmail } from './store.ts';

/** The manager is asked to answer a letter within a day. */
const ANSWER_WITHIN_MS = 86_400_000;

/** The mailbox's folder is read up to `position` (never backwards: two checks may overlap). */
export async function advanceTo(db: Kysely<Database>, mailboxId: string, position: FolderPosition) {
  await db
    .updateTable('crm_mailboxes')
    .set({ uid_validity: position.validity, last_uid: position.uid })
    .where('id', '=', mailboxId)
    .where((eb) =>
      eb.or([
        eb('uid_validity', 'is', null),
        eb('uid_validity', '!=', position.validity),
        eb('last_uid', '<', position.uid),
      ]),
    )
    .execute();
}

/**
 * Takes one letter read from a mailbox, in one transaction with the mailbox's progress: kept on its deal
 * or lead (routing.ts) with an open "e-mail" activity asking its manager to answer (unless a machine
 * wrote it), unless it was taken before (its Message-ID is known: read twice, or copied to two connected mailboxes).
 */
export async function takeLetter(
  rt: Runtime,
  m: CrmMailboxesTable,
  letter: Letter,
  position: FolderPosition,
): Promise<{ linked: boolean; lead: boolean }> {
  return rt.db.kysely.transaction().execute(async (trx) => {
    await advanceTo(trx, m.id, position);
    const known = await trx
      .selectFrom('crm_emails')
      .select('id')
      .where('message_key', '=', letter.key)
      .executeTakeFirst();
    if (known) return { linked: false, lead: false };
    const route = await routeLetter(rt, trx, m, letter);
    if (!route) return { linked: false, lead: false };
    const now = rt.now();
    const emailId = await insertEmail(trx, {
      dealId: route.dealId,
      mailboxId: m.id,
      direction: 'in',
      letter,
      createdBy: null,
      now,
    });
    // An auto-reply ("I am away until…") goes on the deal, but asks no one to answer it.
    if (letter.automatic) return { linked: true, lead: false };
    const deal = await trx
      .selectFrom('crm_deals')
      .select(['responsible_id', 'entity'])
      .where('id', '=', route.dealId)
      .executeTakeFirstOrThrow();
    await insertActivity(rt.db, trx, {
      dealId: route.dealId,
      kind: 'email',
      title: letter.subject || letter.from.address,
      dueAt: now + ANSWER_WITHIN_MS,
      responsibleId: deal.responsible_id,
      comment: null,
      robotId: null,
      emailId,
      createdBy: `mailbox:${m.id}`,
      now,
    });
    await tellOfLetter(rt, trx, {
      emailId,
      item: `${deal.entity}:${route.dealId}`,
      to: deal.responsible_id,
      letter,
    });
    // A letter that made its lead is where the lead begins, not a client's answer.
    if (!route.lead)
      await queueTriggers(rt, trx, { dealId: route.dealId, event: 'emailReceived', source: emailId });
    return { linked: true, lead: route.lead };
  });
}

/**
 * Tells the manager of the deal or lead in the bell (and by e-mail, if they take notifications so) that
 * a client wrote: a `notify` job in the letter's transaction, worded in each reader's language.
 */
async function tellOfLetter(
  rt: Runtime,
  trx: Kysely<Database>,
  news: { emailId: string; item: string; to: string; letter: Letter },
): Promise<void> {
  const message: NoticeMessage = {
    key: 'crmLetter',
    from: news.letter.from.name || news.letter.from.address,
    subject: news.letter.subject,
  };
  const key = `crmLetter:${news.emailId}:notify`;
  const payload = {
    type: 'notify',
    key,
    nodeId: news.item,
    to: [news.to],
    text: `A letter from ${message.from}: “${message.subject}”`,
    message,
  };
  await enqueue(trx, [{ kind: 'notify', key, instanceId: null, payload, dueAt: rt.now() }], rt.now());
  await announceJobs(rt.db, trx);
}
