import type { Kysely } from 'kysely';
import type { CrmQuoteRowsTable, Database } from '../../db/schema.ts';
import type { FieldError } from '../../http/problem.ts';
import { Unprocessable } from '../../runtime/errors.ts';
import { fromMinor, toMinor } from '../money.ts';

/** A row as asked for: a product from the catalogue (its name, unit and price unless given), or free text. */
export interface QuoteRowInput {
  productId?: string | null | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  quantity: number;
  price?: number | undefined;
  /** Per cent, up to two decimals. */
  discount?: number | undefined;
}

export interface QuoteRowView {
  productId: string | null;
  name: string;
  unit: string;
  quantity: number;
  price: number;
  discount: number;
  total: number;
}

/** The unit of a free row none is given for, in the quote's language. */
const FREE_ROW_UNIT: Record<string, string> = { ru: 'шт.', en: 'pcs' };

/** A quote's total may not pass what an amount can hold (money.ts). */
const MAX_TOTAL_MINOR = 10n ** 15n;

/**
 * price × quantity × (1 − discount), rounded half up to the minor unit, in integers: a quantity in
 * thousandths and a discount in hundredths of a per cent, so 3.5 m² at 1,299.90 less 5.5 % is exact.
 */
export function rowTotalMinor(priceMinor: number, quantityMilli: number, discountBp: number): bigint {
  const numerator = BigInt(priceMinor) * BigInt(quantityMilli) * BigInt(10_000 - discountBp);
  const denominator = 1000n * 10_000n;
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** VAT on a quote's rows: included in their prices (a share of the sum) or on top of it; half up. */
export function vatMinor(rowsMinor: bigint, vatBp: number, included: boolean): bigint {
  const numerator = rowsMinor * BigInt(vatBp);
  const denominator = included ? 10_000n + BigInt(vatBp) : 10_000n;
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export const toMilli = (quantity: number): number => Math.round(quantity * 1000);
export const toBasisPoints = (percent: number): number => Math.round(percent * 100);

export const rowView = (r: CrmQuoteRowsTable): QuoteRowView => ({
  productId: r.product_id,
  name: r.name,
  unit: r.unit,
  quantity: Number(r.quantity_milli) / 1000,
  price: fromMinor(Number(r.price_minor)),
  discount: r.discount_bp / 100,
  total: fromMinor(Number(r.total_minor)),
});

/**
 * The rows to store for `inputs` in `currency`, with the quote's total; 422 INVALID_QUOTE naming each
 * problem at `body.rows.<i>.<field>` (an unknown product, a product priced in another currency with no
 * price given, a free row without its name or price, a total past what an amount holds).
 */
export async function resolveRows(
  db: Kysely<Database>,
  quote: { id: string; currency: string; language: string },
  inputs: readonly QuoteRowInput[],
): Promise<{ rows: CrmQuoteRowsTable[]; totalMinor: number }> {
  const { currency } = quote;
  const ids = [...new Set(inputs.map((r) => r.productId).filter((id): id is string => !!id))];
  const products = new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom('crm_products').selectAll().where('id', 'in', ids).execute()).map((p) => [
          p.id,
          p,
        ]),
  );
  const errors: FieldError[] = [];
  const rows: CrmQuoteRowsTable[] = [];
  let total = 0n;
  inputs.forEach((input, i) => {
    const at = (field: string) => `body.rows.${i}.${field}`;
    const product = input.productId ? products.get(input.productId) : undefined;
    if (input.productId && !product)
      errors.push({ path: at('productId'), message: `there is no product ${input.productId}` });
    const name = input.name ?? product?.name;
    if (!name) errors.push({ path: at('name'), message: 'a row without a product needs its name' });
    let priceMinor = input.price === undefined ? undefined : toMinor(input.price);
    if (priceMinor === undefined && product) {
      if (product.currency === currency) priceMinor = Number(product.price_minor);
      else
        errors.push({
          path: at('price'),
          message: `${product.name} is priced in ${product.currency}, the quote is in ${currency}: give the price`,
        });
    } else if (priceMinor === undefined && !input.productId)
      errors.push({ path: at('price'), message: 'a row without a product needs its price' });
    if (!name || priceMinor === undefined) return;
    const quantityMilli = toMilli(input.quantity);
    const discountBp = toBasisPoints(input.discount ?? 0);
    const rowTotal = rowTotalMinor(priceMinor, quantityMilli, discountBp);
    total += rowTotal;
    rows.push({
      quote_id: quote.id,
      position: i + 1,
      product_id: product?.id ?? null,
      name,
      unit: input.unit ?? product?.unit ?? FREE_ROW_UNIT[quote.language] ?? 'pcs',
      quantity_milli: quantityMilli,
      price_minor: priceMinor,
      discount_bp: discountBp,
      total_minor: Number(rowTotal),
    });
  });
  if (total > MAX_TOTAL_MINOR)
    errors.push({ path: 'body.rows', message: 'the total is more than an amount can hold (10¹³)' });
  if (errors.length > 0)
    throw new Unprocessable(
      `the quote has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors[0]?.path}: ${errors[0]?.message}`,
      errors,
      'INVALID_QUOTE',
    );
  return { rows, totalMinor: Number(total) };
}
