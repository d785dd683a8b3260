/** What a row's total is made of, in major units as typed: 1299.9 roubles, 3.5 m², 5.5 %. */
export interface RowAmounts {
  price: number;
  quantity: number;
  /** Per cent. */
  discount: number;
}

/** How a quote shows VAT (НДС), as the server has it: a rate in per cent (null: none), in the prices or on top. */
export interface VatTerms {
  vatRate: number | null;
  vatIncluded: boolean;
}

/**
 * A line under a quote's rows, as its PDF prints it: what it is (worded by `quotes.json` `totals`) and
 * its amount in major units; the VAT lines name their rate.
 */
export type TotalLine =
  | { line: 'total' | 'subtotal' | 'totalWithVat'; amount: number }
  | { line: 'vatIncluded' | 'vat'; amount: number; rate: number };

const PER_UNIT = 1000n;
const PER_CENT = 10_000n;

const toMinor = (amount: number): bigint => BigInt(Math.round(amount * 100));
const toMajor = (minor: bigint): number => Number(minor) / 100;
/** numerator / denominator rounded half up, for amounts that are never negative. */
const halfUp = (numerator: bigint, denominator: bigint): bigint =>
  (numerator * 2n + denominator) / (denominator * 2n);

/**
 * A row's total in minor units (kopecks), exactly as the server stores it: price × quantity ×
 * (1 − discount/100) rounded half up, computed in integers — the price in kopecks, the quantity in
 * thousandths and the discount in hundredths of a per cent — so no floating-point error creeps in.
 *
 * @example
 * rowTotalMinor({ price: 1299.9, quantity: 3.5, discount: 5.5 }); // 429942n (4 299,42)
 */
export function rowTotalMinor({ price, quantity, discount }: RowAmounts): bigint {
  const quantityMilli = BigInt(Math.round(quantity * 1000));
  const discountBp = BigInt(Math.round(discount * 100));
  return halfUp(toMinor(price) * quantityMilli * (PER_CENT - discountBp), PER_UNIT * PER_CENT);
}

/** A row's total in major units: 4299.42. */
export const rowTotal = (row: RowAmounts): number => toMajor(rowTotalMinor(row));

/**
 * The VAT in rows summing to `rowsMinor`, in minor units, as the server computes it: a share of the sum
 * when the prices include it (sum × rate / (100 + rate)), else on top of it (sum × rate / 100); half up.
 *
 * @example
 * vatMinor(929942n, { vatRate: 22, vatIncluded: true }); // 167694n (1 676,94)
 * vatMinor(929942n, { vatRate: 22, vatIncluded: false }); // 204587n (2 045,87)
 */
export function vatMinor(rowsMinor: bigint, { vatRate, vatIncluded }: VatTerms): bigint {
  if (vatRate === null) return 0n;
  const rateBp = BigInt(Math.round(vatRate * 100));
  return halfUp(rowsMinor * rateBp, vatIncluded ? PER_CENT + rateBp : PER_CENT);
}

/** The lines for rows summing to `rowsMinor` with `vat` of VAT: the total alone, or with the VAT in it or on top. */
function linesOf(rowsMinor: bigint, vat: bigint, terms: VatTerms): TotalLine[] {
  const { vatRate } = terms;
  if (vatRate === null) return [{ line: 'total', amount: toMajor(rowsMinor) }];
  if (terms.vatIncluded)
    return [
      { line: 'total', amount: toMajor(rowsMinor) },
      { line: 'vatIncluded', amount: toMajor(vat), rate: vatRate },
    ];
  return [
    { line: 'subtotal', amount: toMajor(rowsMinor) },
    { line: 'vat', amount: toMajor(vat), rate: vatRate },
    { line: 'totalWithVat', amount: toMajor(rowsMinor + vat) },
  ];
}

/** The lines under rows being edited: their rounded totals added up as the server adds them, and the VAT. */
export function draftTotals(rows: readonly RowAmounts[], terms: VatTerms): TotalLine[] {
  const rowsMinor = rows.reduce((sum, row) => sum + rowTotalMinor(row), 0n);
  return linesOf(rowsMinor, vatMinor(rowsMinor, terms), terms);
}

/** The lines under a saved quote's rows, from the server's figures: `total` is what the client pays, `vat` the VAT in it. */
export function savedTotals(quote: VatTerms & { total: number; vat: number }): TotalLine[] {
  const total = toMinor(quote.total);
  const vat = toMinor(quote.vat);
  return linesOf(quote.vatIncluded ? total : total - vat, vat, quote);
}
