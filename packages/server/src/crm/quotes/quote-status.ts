import type { Kysely } from 'kysely';
import type { Caller } from '../../access/caller.ts';
import type { Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Conflict, Unprocessable } from '../../runtime/errors.ts';
import { readDeal, writeDeal } from '../deals.ts';
import { fromMinor } from '../money.ts';
import { queueTriggers } from '../triggers/fire.ts';
import { getQuote, type QuoteLanguage, type QuoteView, writableQuote } from './quotes.ts';

export interface SendQuoteInput {
  /** Default: the e-mail of the deal's contact, else of its company. */
  to?: string[] | undefined;
  subject?: string | undefined;
  message?: string | undefined;
  /** Move the deal to this stage of its pipeline as the quote goes (e.g. "Quote sent", where a robot waits). */
  stageId?: string | undefined;
}

/** The job that mails a quote with its PDF. */
export const QUOTE_EMAIL_JOB = 'crmQuoteEmail';
export interface QuoteEmailJob {
  quoteId: string;
  to: string[];
  subject: string;
  body: string;
}

const LETTER: Record<QuoteLanguage, { subject: (n: number) => string; body: (n: number) => string }> = {
  ru: {
    subject: (n) => `Коммерческое предложение № ${n}`,
    body: (n) =>
      `Здравствуйте!\n\nНаправляем коммерческое предложение № ${n} — оно во вложении.\n\nС уважением`,
  },
  en: {
    subject: (n) => `Quote No. ${n}`,
    body: (n) => `Hello,\n\nPlease find our quote No. ${n} attached.\n\nKind regards`,
  },
};

/** A quote whose client has answered is closed: 409 for anything but reading and copying it. */
function demandOpen(q: { status: string; number: number }): void {
  if (q.status !== 'draft' && q.status !== 'sent')
    throw new Conflict(`quote ${q.number} is already ${q.status}`, 'QUOTE_CLOSED');
}

/**
 * Sends a draft (or again, a sent) quote: its PDF goes by e-mail as an outbox job, the quote is `sent`
 * and no longer changes, and the deal moves to `stageId` when given — in one transaction, so a robot
 * waiting on that stage ("forgotten client") counts from this moment.
 */
export async function sendQuote(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: SendQuoteInput,
): Promise<QuoteView> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    const quote = await writableQuote(trx, caller, id);
    demandOpen(quote);
    const to = input.to?.length ? input.to : await clientAddresses(trx, quote.deal_id);
    if (to.length === 0)
      throw new Unprocessable(
        "body.to: the deal's contact and company have no e-mail address; name one",
        [{ path: 'body.to', message: "the deal's contact and company have no e-mail address; name one" }],
        'NO_RECIPIENT',
      );
    const now = rt.now();
    const letter = LETTER[quote.language as QuoteLanguage];
    const job: QuoteEmailJob = {
      quoteId: id,
      to,
      subject: input.subject ?? letter.subject(quote.number),
      body: input.message ?? letter.body(quote.number),
    };
    const version = quote.version + 1;
    await trx
      .updateTable('crm_quotes')
      .set({ status: 'sent', sent_at: now, sent_to: to.join(','), version, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (input.stageId !== undefined)
      await moveDeal(rt, trx, caller, quote.deal_id, { stageId: input.stageId });
    const key = `${QUOTE_EMAIL_JOB}:${id}:${version}`;
    await enqueue(trx, [{ kind: QUOTE_EMAIL_JOB, key, instanceId: null, payload: job, dueAt: now }], now);
    await announceJobs(rt.db, trx);
  });
  return getQuote(rt, caller, id);
}

/** The client's answer. An accepted quote's total becomes the deal's amount; the deal's triggers hear of it. */
export async function decideQuote(
  rt: Runtime,
  caller: Caller,
  id: string,
  status: 'accepted' | 'declined',
): Promise<QuoteView> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    const quote = await writableQuote(trx, caller, id);
    demandOpen(quote);
    await trx
      .updateTable('crm_quotes')
      .set({ status, version: quote.version + 1, updated_at: rt.now() })
      .where('id', '=', id)
      .execute();
    if (status === 'accepted')
      await moveDeal(rt, trx, caller, quote.deal_id, {
        amount: fromMinor(Number(quote.total_minor)),
        currency: quote.currency,
      });
    const event = status === 'accepted' ? 'quoteAccepted' : 'quoteDeclined';
    await queueTriggers(rt, trx, { dealId: quote.deal_id, event, source: id });
  });
  return getQuote(rt, caller, id);
}

async function moveDeal(
  rt: Runtime,
  trx: Kysely<Database>,
  caller: Caller,
  dealId: string,
  patch: { stageId?: string; amount?: number; currency?: string },
): Promise<void> {
  const deal = await readDeal(trx, dealId);
  if (deal) await writeDeal(rt, trx, caller.userId, deal, patch);
}

async function clientAddresses(db: Kysely<Database>, dealId: string): Promise<string[]> {
  const row = await db
    .selectFrom('crm_deals as d')
    .leftJoin('crm_contacts as c', 'c.id', 'd.contact_id')
    .leftJoin('crm_companies as co', 'co.id', 'd.company_id')
    .select(['c.email as contact', 'co.email as company'])
    .where('d.id', '=', dealId)
    .executeTakeFirst();
  const address = row?.contact || row?.company;
  return address ? [address] : [];
}
