import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { CrmMailboxesTable } from '../../db/schema.ts';
import type { Runtime } from '../../runtime/context.ts';
import { NotFound } from '../../runtime/errors.ts';
import { imapClient, problemOf } from './connection.ts';
import { advanceTo, takeLetter } from './incoming.ts';
import { letterOf } from './letter.ts';
import { imapOf } from './mailbox-rows.ts';

export interface CheckResult {
  /** Letters read from the folder this time. */
  fetched: number;
  /** Of them, those put on a deal or lead (the rest were taken before, or from no one the CRM knows). */
  linked: number;
  /** Leads made of letters from unknown senders. */
  leads: number;
  error: string | null;
  /** More new letters wait than one check reads. */
  more: boolean;
}

/** One check reads at most this many letters; the next one comes at once while more wait. */
const BATCH = 50;
/** A newly connected (or moved) mailbox brings the last week's letters. */
const FIRST_DAYS = 7;
const DAY_MS = 86_400_000;
/** Letters bigger than this are left in the mailbox (a note in the log), not taken into the CRM. */
const MAX_LETTER_BYTES = 25 * 1024 * 1024;

/**
 * The UIDs to read: above the last one taken while the folder's UIDVALIDITY holds; otherwise those
 * written since a week ago (first check) or a day before the last check (the server renumbered).
 */
async function newUids(client: ImapFlow, m: CrmMailboxesTable, validity: string, now: number) {
  if (m.uid_validity === validity) {
    const found = await client.search({ uid: `${m.last_uid + 1}:*` }, { uid: true });
    return (found || []).filter((uid) => uid > m.last_uid).sort((a, b) => a - b);
  }
  const since = m.uid_validity === null ? now - FIRST_DAYS * DAY_MS : (m.checked_at ?? now) - DAY_MS;
  // By the letters' Date (SENTSINCE): a server keeps its own delivery time, which is not Baton's clock.
  const found = await client.search({ sentSince: new Date(since) }, { uid: true });
  return (found || []).sort((a, b) => a - b);
}

async function readLetters(rt: Runtime, m: CrmMailboxesTable, client: ImapFlow, result: CheckResult) {
  const lock = await client.getMailboxLock(m.imap_folder);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`the folder ${m.imap_folder} could not be opened`);
    const validity = String(box.uidValidity);
    const uids = await newUids(client, m, validity, rt.now());
    result.more = uids.length > BATCH;
    for (const uid of uids.slice(0, BATCH)) {
      const head = await client.fetchOne(String(uid), { size: true, internalDate: true }, { uid: true });
      if (!head) continue;
      const position = { validity, uid };
      if ((head.size ?? 0) > MAX_LETTER_BYTES) {
        rt.log.warn(
          { mailbox: m.id, uid, size: head.size },
          'a letter too big for the CRM was left in the mailbox',
        );
        await advanceTo(rt.db.kysely, m.id, position);
        continue;
      }
      const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
      const source = full ? full.source : undefined;
      if (!source) continue;
      const parsed = await simpleParser(source, { skipTextToHtml: true, skipImageLinks: true });
      const received = head.internalDate instanceof Date ? head.internalDate.getTime() : rt.now();
      const taken = await takeLetter(rt, m, letterOf(parsed, m, position, received), position);
      result.fetched++;
      if (taken.linked) result.linked++;
      if (taken.lead) result.leads++;
    }
    // Nothing new: whatever the folder holds now counts as read (the first check of an empty week too).
    if (uids.length === 0)
      await advanceTo(rt.db.kysely, m.id, { validity, uid: Math.max(0, box.uidNext - 1) });
  } finally {
    lock.release();
  }
}

/**
 * Reads the mailbox's new letters and puts each on its deal or lead (incoming.ts), one transaction per
 * letter: a check cut short resumes where it stopped, and a letter read twice is taken once. What went
 * wrong is kept on the mailbox (`last_error`) and answered, never thrown: the next check tries again.
 */
export async function checkMailbox(rt: Runtime, id: string): Promise<CheckResult> {
  const db = rt.db.kysely;
  const m = await db.selectFrom('crm_mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw new NotFound('mailbox', id);
  const result: CheckResult = { fetched: 0, linked: 0, leads: 0, error: null, more: false };
  let client: ImapFlow | null = null;
  try {
    const settings = imapOf(rt, m);
    client = imapClient(settings);
    await client.connect().catch((error: unknown) => {
      throw new Error(problemOf(error, settings).message);
    });
    await readLetters(rt, m, client, result);
  } catch (error) {
    result.error = (error as Error).message;
    result.more = false;
    rt.log.warn({ mailbox: m.id, error: result.error }, 'mailbox check failed');
  } finally {
    await client?.logout().catch(() => undefined);
  }
  await db
    .updateTable('crm_mailboxes')
    .set({ checked_at: rt.now(), last_error: result.error })
    .where('id', '=', id)
    .execute();
  return result;
}
