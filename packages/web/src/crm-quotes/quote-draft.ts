import type { Product } from '../api/crm-catalog.ts';
import type { Quote, QuoteChanges, QuoteLanguage, QuoteRowInput } from '../api/crm-quotes.ts';
import { amountOf } from '../crm/items/item-draft.ts';
import type { RowAmounts, VatTerms } from './quote-total.ts';
import { type VatPick, vatPickOf, vatRateOf } from './quote-vat.ts';

/**
 * A row as the editor holds it: numbers as the number inputs hold them ('' while empty), a product's
 * id when picked from the catalogue (null for a free row); `key` tells rows apart.
 */
export interface RowDraft {
  key: string;
  productId: string | null;
  name: string;
  unit: string;
  quantity: number | string;
  price: number | string;
  /** Per cent. */
  discount: number | string;
}

/** What the quote editor edits; `validUntil` is '' for no date. */
export interface QuoteDraft {
  currency: string;
  validUntil: string;
  comment: string;
  language: QuoteLanguage;
  vatRate: VatPick;
  /** The rows' prices include VAT; false: it comes on top. Kept while no VAT is picked. */
  vatIncluded: boolean;
  rows: RowDraft[];
}

type Field = keyof QuoteDraft;
/** The draft's fields, in the form's order. */
export const QUOTE_FIELDS: readonly Field[] = [
  'currency',
  'validUntil',
  'language',
  'vatRate',
  'vatIncluded',
  'rows',
  'comment',
];

/** The unit a free row starts with, in the quote's language (the client reads it in the PDF). */
const DEFAULT_UNIT: Record<QuoteLanguage, string> = { ru: 'шт.', en: 'pcs' };

let made = 0;
const newKey = () => `row-${++made}`;

/** An empty free row: one piece, no price yet. */
export function newRow(language: QuoteLanguage): RowDraft {
  return {
    key: newKey(),
    productId: null,
    name: '',
    unit: DEFAULT_UNIT[language],
    quantity: 1,
    price: '',
    discount: '',
  };
}

/**
 * The row with `product` picked: its name, unit and price. A product priced in another currency leaves
 * the price to be typed (the server would refuse to convert it).
 */
export function withProduct(row: RowDraft, product: Product, currency: string): RowDraft {
  return {
    ...row,
    productId: product.id,
    name: product.name,
    unit: product.unit,
    price: product.currency === currency ? product.price : '',
  };
}

export function draftOf(quote: Quote): QuoteDraft {
  return {
    currency: quote.currency,
    validUntil: quote.validUntil ?? '',
    comment: quote.comment ?? '',
    language: quote.language,
    vatRate: vatPickOf(quote.vatRate),
    vatIncluded: quote.vatIncluded,
    rows: quote.rows.map((r) => ({
      key: newKey(),
      productId: r.productId,
      name: r.name,
      unit: r.unit,
      quantity: r.quantity,
      price: r.price,
      discount: r.discount === 0 ? '' : r.discount,
    })),
  };
}

/**
 * What the server takes for a row. Whatever is left empty is left out, so the server says what is
 * missing at the row (a free row without a price); a quantity left empty is 0, which it refuses there.
 */
export function rowInputOf(row: RowDraft): QuoteRowInput {
  const price = amountOf(row.price);
  const discount = amountOf(row.discount);
  return {
    ...(row.productId ? { productId: row.productId } : {}),
    ...(row.name.trim() ? { name: row.name.trim() } : {}),
    ...(row.unit.trim() ? { unit: row.unit.trim() } : {}),
    quantity: amountOf(row.quantity) ?? 0,
    ...(price !== null ? { price } : {}),
    ...(discount ? { discount } : {}),
  };
}

/** The row's numbers for its total; null until its quantity and price are numbers. */
export function amountsOf(row: RowDraft): RowAmounts | null {
  const quantity = amountOf(row.quantity);
  const price = amountOf(row.price);
  if (quantity === null || price === null) return null;
  return { price, quantity, discount: amountOf(row.discount) ?? 0 };
}

/** The VAT as picked, as the server takes it: what the totals are computed with while editing. */
export const vatTermsOf = (draft: QuoteDraft): VatTerms => ({
  vatRate: vatRateOf(draft.vatRate),
  vatIncluded: draft.vatIncluded,
});

/** Each field as the server has it, so that a draft and a quote compare field by field. */
function sent(draft: QuoteDraft) {
  return {
    currency: draft.currency,
    validUntil: draft.validUntil === '' ? null : draft.validUntil,
    comment: draft.comment.trim() === '' ? null : draft.comment.trim(),
    language: draft.language,
    ...vatTermsOf(draft),
    rows: draft.rows.map(rowInputOf),
  };
}

type Sent = ReturnType<typeof sent>;

// The rows go as a whole (PATCH replaces them all), so they differ as a whole.
const differs = (field: Field, a: Sent, b: Sent) =>
  field === 'rows' ? JSON.stringify(a.rows) !== JSON.stringify(b.rows) : a[field] !== b[field];

/** Only what differs from the quote as loaded, so a save never overwrites what nobody touched. */
export function changesOf(quote: Quote, draft: QuoteDraft): QuoteChanges {
  const now = sent(draft);
  const before = sent(draftOf(quote));
  const changes: Record<string, unknown> = {};
  for (const field of QUOTE_FIELDS) if (differs(field, now, before)) changes[field] = now[field];
  return changes as QuoteChanges;
}

/**
 * The draft carried over to a newer quote (on loading someone else's change): the fields edited since
 * `from` keep the edit, the others take the newer values.
 */
export function rebase(draft: QuoteDraft, from: Quote, to: Quote): QuoteDraft {
  const before = sent(draftOf(from));
  const edited = sent(draft);
  const out = draftOf(to);
  for (const field of QUOTE_FIELDS)
    if (differs(field, edited, before)) (out as Record<Field, unknown>)[field] = draft[field];
  return out;
}
