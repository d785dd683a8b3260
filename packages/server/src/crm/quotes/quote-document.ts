import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readQuote } from './quotes.ts';

/** Which quote a deal's document carries first: the one the client accepted, then one sent, then a draft. */
const PREFERENCE: Record<string, number> = { accepted: 0, sent: 1, draft: 2 };

/**
 * The quote a process about a deal reads as `document.quote` — its rows (products and prices from the
 * catalogue, as the quote priced them), totals and VAT — so a document made at a stage (an invoice, a
 * contract's specification) lists what was offered. A declined quote is never it; null when none.
 */
export async function dealQuoteDocument(
  db: Kysely<Database>,
  dealId: string,
): Promise<Record<string, unknown> | null> {
  const candidates = await db
    .selectFrom('crm_quotes')
    .select(['id', 'status', 'created_at'])
    .where('deal_id', '=', dealId)
    .where('status', 'in', Object.keys(PREFERENCE))
    .execute();
  const chosen = candidates.sort(
    (a, b) =>
      (PREFERENCE[a.status] ?? 0) - (PREFERENCE[b.status] ?? 0) ||
      Number(b.created_at) - Number(a.created_at) ||
      b.id.localeCompare(a.id),
  )[0];
  const quote = chosen && (await readQuote(db, chosen.id));
  if (!quote) return null;
  return {
    number: quote.number,
    status: quote.status,
    currency: quote.currency,
    total: quote.total,
    vatRate: quote.vatRate,
    vatIncluded: quote.vatIncluded,
    vat: quote.vat,
    validUntil: quote.validUntil,
    rows: quote.rows.map((r) => ({
      name: r.name,
      unit: r.unit,
      quantity: r.quantity,
      price: r.price,
      discount: r.discount,
      total: r.total,
      productId: r.productId,
    })),
  };
}
