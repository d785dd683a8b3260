import type { Kysely } from 'kysely';
import type { Caller } from '../../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../../db/page.ts';
import { newRowId } from '../../db/row-ids.ts';
import type { CrmQuotesTable, Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique.ts';
import { readerLanguage } from '../../mail/task-message.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Conflict, NotFound } from '../../runtime/errors.ts';
import { toIso, toIsoOrNull } from '../../util/time.ts';
import { readDeal, writableDeal } from '../deals.ts';
import { fromMinor } from '../money.ts';
import { badReference } from '../references.ts';
import { findWritable, type LedBy, ledByCaller } from '../visibility.ts';
import {
  type QuoteRowInput,
  type QuoteRowView,
  resolveRows,
  rowView,
  toBasisPoints,
  vatMinor,
} from './quote-rows.ts';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_LANGUAGES = ['ru', 'en'] as const;
export type QuoteLanguage = (typeof QUOTE_LANGUAGES)[number];

export interface QuoteInput {
  dealId: string;
  currency?: string | undefined;
  validUntil?: string | null | undefined;
  comment?: string | null | undefined;
  language?: QuoteLanguage | undefined;
  /** VAT's rate in per cent (null: none shown); `vatIncluded` (default true): the prices include it. */
  vatRate?: number | null | undefined;
  vatIncluded?: boolean | undefined;
  rows: QuoteRowInput[];
}
export type QuotePatch = Partial<Omit<QuoteInput, 'dealId'>> & { version?: number | undefined };

export interface QuoteView {
  id: string;
  number: number;
  dealId: string;
  dealTitle: string;
  status: QuoteStatus;
  currency: string;
  /** What the client pays. */
  total: number;
  vatRate: number | null;
  vatIncluded: boolean;
  /** The VAT in `total`: a share of the rows' sum, or on top of it. */
  vat: number;
  validUntil: string | null;
  comment: string | null;
  language: QuoteLanguage;
  version: number;
  rows: QuoteRowView[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  sentTo: string[];
}

export interface QuoteFilter {
  dealId?: string | undefined;
  status?: QuoteStatus | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Quotes with their deal's title, only those whose deal `ledBy` lets see. */
function quoteRows(db: Kysely<Database>, ledBy: LedBy | null) {
  let q = db
    .selectFrom('crm_quotes as q')
    .innerJoin('crm_deals as d', 'd.id', 'q.deal_id')
    .selectAll('q')
    .select(['d.title as deal_title', 'd.responsible_id as deal_responsible_id']);
  if (ledBy) q = q.where(ledBy('deals', 'd'));
  return q;
}
type QuoteRow = CrmQuotesTable & { deal_title: string; deal_responsible_id: string };

async function viewOf(db: Kysely<Database>, q: QuoteRow): Promise<QuoteView> {
  const rows = await db
    .selectFrom('crm_quote_rows')
    .selectAll()
    .where('quote_id', '=', q.id)
    .orderBy('position')
    .execute();
  return {
    id: q.id,
    number: q.number,
    dealId: q.deal_id,
    dealTitle: q.deal_title,
    status: q.status as QuoteStatus,
    currency: q.currency,
    total: fromMinor(Number(q.total_minor)),
    vatRate: q.vat_bp === null ? null : q.vat_bp / 100,
    vatIncluded: q.vat_included === 1,
    vat: fromMinor(Number(q.vat_minor)),
    validUntil: q.valid_until,
    comment: q.comment,
    language: q.language as QuoteLanguage,
    version: q.version,
    rows: rows.map(rowView),
    createdBy: q.created_by,
    createdAt: toIso(q.created_at),
    updatedAt: toIso(q.updated_at),
    sentAt: toIsoOrNull(q.sent_at),
    sentTo: q.sent_to ? q.sent_to.split(',') : [],
  };
}

/** A quote whose deal the caller sees (404 like one that does not exist), as stored. */
export async function visibleQuote(db: Kysely<Database>, caller: Caller, id: string): Promise<QuoteRow> {
  const row = await readQuoteRow(db, await ledByCaller(db, caller), id);
  if (!row) throw new NotFound('quote', id);
  return row;
}

/** A quote of a deal the caller may change (403 READ_ONLY for one they only read). */
export const writableQuote = (db: Kysely<Database>, caller: Caller, id: string): Promise<QuoteRow> =>
  findWritable(db, caller, 'quote', id, (ledBy) => readQuoteRow(db, ledBy, id));

const readQuoteRow = (db: Kysely<Database>, ledBy: LedBy | null, id: string) =>
  quoteRows(db, ledBy).where('q.id', '=', id).executeTakeFirst();

/** A quote by id whoever leads its deal (for the worker), or undefined. */
export async function readQuote(db: Kysely<Database>, id: string): Promise<QuoteView | undefined> {
  const row = await quoteRows(db, null).where('q.id', '=', id).executeTakeFirst();
  return row && viewOf(db, row);
}

export async function getQuote(rt: Runtime, caller: Caller, id: string): Promise<QuoteView> {
  const db = rt.db.kysely;
  return viewOf(db, await visibleQuote(db, caller, id));
}

/** The quotes the caller sees, newest first (a deal's when `dealId` is given). */
export async function listQuotes(rt: Runtime, caller: Caller, f: QuoteFilter): Promise<Page<QuoteView>> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = quoteRows(db, await ledByCaller(db, caller));
  if (f.dealId !== undefined) q = q.where('q.deal_id', '=', f.dealId);
  if (f.status !== undefined) q = q.where('q.status', '=', f.status);
  if (f.cursor !== undefined) {
    const [number] = decodeCursor<[number]>(f.cursor, ['number']);
    q = q.where('q.number', '<', number);
  }
  const found = await q
    .orderBy('q.number', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(
    found,
    limit,
    (r) => r,
    (r) => [r.number],
  );
  return { items: await Promise.all(page.items.map((r) => viewOf(db, r))), nextCursor: page.nextCursor };
}

/** A draft quote for a deal the caller sees; its number is the next of the company's. */
export async function createQuote(rt: Runtime, caller: Caller, input: QuoteInput): Promise<QuoteView> {
  const db = rt.db.kysely;
  const id = newRowId();
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction().execute(async (trx) => {
        if (!(await readDeal(trx, input.dealId, await ledByCaller(trx, caller), 'deal')))
          throw badReference('body.dealId', `there is no deal ${input.dealId}`);
        const deal = await writableDeal(trx, caller, input.dealId, 'deal');
        const currency = input.currency ?? deal.currency;
        const language = input.language ?? (await languageOf(trx, caller.userId));
        const { rows, totalMinor } = await resolveRows(trx, { id, currency, language }, input.rows);
        const vat = { vatBp: bpOf(input.vatRate), included: input.vatIncluded ?? true };
        const last = await trx
          .selectFrom('crm_quotes')
          .select((eb) => eb.fn.max('number').as('n'))
          .executeTakeFirst();
        const now = rt.now();
        await trx
          .insertInto('crm_quotes')
          .values({
            id,
            number: Number(last?.n ?? 0) + 1,
            deal_id: deal.id,
            status: 'draft',
            currency,
            ...totalsOf(totalMinor, vat),
            valid_until: input.validUntil ?? null,
            comment: input.comment ?? null,
            language,
            version: 1,
            created_by: caller.userId,
            created_at: now,
            updated_at: now,
            sent_at: null,
            sent_to: null,
          })
          .execute();
        if (rows.length > 0) await trx.insertInto('crm_quote_rows').values(rows).execute();
      });
      break;
    } catch (error) {
      // Two quotes numbered at once on PostgreSQL: the second takes the next number.
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
  return getQuote(rt, caller, id);
}

const bpOf = (rate: number | null | undefined): number | null =>
  rate === null || rate === undefined ? null : toBasisPoints(rate);

/** The stored totals of rows summing to `rowsMinor`: VAT, and what the client pays. */
function totalsOf(rowsMinor: number, vat: { vatBp: number | null; included: boolean }) {
  const vatMinorOf = vat.vatBp === null ? 0n : vatMinor(BigInt(rowsMinor), vat.vatBp, vat.included);
  return {
    vat_bp: vat.vatBp,
    vat_included: vat.included ? 1 : 0,
    vat_minor: Number(vatMinorOf),
    total_minor: vat.included ? rowsMinor : rowsMinor + Number(vatMinorOf),
  };
}

/** A new quote speaks its author's language. */
async function languageOf(db: Kysely<Database>, userId: string): Promise<QuoteLanguage> {
  const user = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return readerLanguage(user?.locale ?? null);
}

/** Only a draft changes: what a client was sent stays as it was (copy it to change it). */
function demandDraft(q: CrmQuotesTable): void {
  if (q.status !== 'draft')
    throw new Conflict(
      `quote ${q.number} is ${q.status}; only a draft changes (copy it for a new version)`,
      'QUOTE_NOT_DRAFT',
    );
}

export async function updateQuote(
  rt: Runtime,
  caller: Caller,
  id: string,
  patch: QuotePatch,
): Promise<QuoteView> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    const quote = await writableQuote(trx, caller, id);
    demandDraft(quote);
    if (patch.version !== undefined && patch.version !== quote.version)
      throw new Conflict(
        `the quote changed since version ${patch.version} (it is at ${quote.version}); reload it`,
        'VERSION_CONFLICT',
      );
    const currency = patch.currency ?? quote.currency;
    const vat = {
      vatBp: patch.vatRate === undefined ? quote.vat_bp : bpOf(patch.vatRate),
      included: patch.vatIncluded ?? quote.vat_included === 1,
    };
    // The rows' sum as stored: what the client pays less VAT that came on top.
    let rowsMinor = Number(quote.total_minor) - (quote.vat_included === 1 ? 0 : Number(quote.vat_minor));
    if (patch.rows !== undefined || currency !== quote.currency) {
      const inputs = patch.rows ?? (await storedRowInputs(trx, id));
      const language = patch.language ?? quote.language;
      const resolved = await resolveRows(trx, { id, currency, language }, inputs);
      rowsMinor = resolved.totalMinor;
      await trx.deleteFrom('crm_quote_rows').where('quote_id', '=', id).execute();
      if (resolved.rows.length > 0) await trx.insertInto('crm_quote_rows').values(resolved.rows).execute();
    }
    await trx
      .updateTable('crm_quotes')
      .set({
        currency,
        ...totalsOf(rowsMinor, vat),
        ...(patch.validUntil !== undefined && { valid_until: patch.validUntil }),
        ...(patch.comment !== undefined && { comment: patch.comment }),
        ...(patch.language !== undefined && { language: patch.language }),
        version: quote.version + 1,
        updated_at: rt.now(),
      })
      .where('id', '=', id)
      .execute();
  });
  return getQuote(rt, caller, id);
}

/** The stored rows as input again (a currency change re-checks them). */
async function storedRowInputs(db: Kysely<Database>, id: string): Promise<QuoteRowInput[]> {
  const rows = await db
    .selectFrom('crm_quote_rows')
    .selectAll()
    .where('quote_id', '=', id)
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const v = rowView(r);
    return {
      productId: v.productId,
      name: v.name,
      unit: v.unit,
      quantity: v.quantity,
      price: v.price,
      discount: v.discount,
    };
  });
}

export async function deleteQuote(rt: Runtime, caller: Caller, id: string): Promise<void> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    demandDraft(await writableQuote(trx, caller, id));
    await trx.deleteFrom('crm_quote_rows').where('quote_id', '=', id).execute();
    await trx.deleteFrom('crm_quotes').where('id', '=', id).execute();
  });
}

/** A new draft with the same deal, rows and terms: how a sent quote gets a new version. */
export async function copyQuote(rt: Runtime, caller: Caller, id: string): Promise<QuoteView> {
  const db = rt.db.kysely;
  const quote = await visibleQuote(db, caller, id);
  return createQuote(rt, caller, {
    dealId: quote.deal_id,
    currency: quote.currency,
    validUntil: quote.valid_until,
    comment: quote.comment,
    language: quote.language as QuoteLanguage,
    vatRate: quote.vat_bp === null ? null : quote.vat_bp / 100,
    vatIncluded: quote.vat_included === 1,
    rows: await storedRowInputs(db, id),
  });
}
