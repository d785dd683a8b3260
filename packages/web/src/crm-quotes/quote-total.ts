/** What a row's total is made of, in major units as typed: 1299.9 roubles, 3.5 m², 5.5 %. */
export interface RowAmounts {
  price: number;
  quantity: number;
  /** Per cent. */
  discount: number;
}

const PER_UNIT = 1000n;
const PER_CENT = 10_000n;

/**
 * A row's total in minor units (kopecks), exactly as the server stores it: price × quantity ×
 * (1 − discount/100) rounded half up, computed in integers — the price in kopecks, the quantity in
 * thousandths and the discount in hundredths of a per cent — so no floating-point error creeps in.
 *
 * @example
 * rowTotalMinor({ price: 1299.9, quantity: 3.5, discount: 5.5 }); // 429942n (4 299,42)
 */
export function rowTotalMinor({ price, quantity, discount }: RowAmounts): bigint {
  const priceMinor = BigInt(Math.round(price * 100));
  const quantityMilli = BigInt(Math.round(quantity * 1000));
  const discountBp = BigInt(Math.round(discount * 100));
  const numerator = priceMinor * quantityMilli * (PER_CENT - discountBp);
  const denominator = PER_UNIT * PER_CENT;
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** A row's total in major units: 4299.42. */
export const rowTotal = (row: RowAmounts): number => Number(rowTotalMinor(row)) / 100;

/** The quote's total: its rows' rounded totals added up, as the server adds them. */
export function quoteTotal(rows: readonly RowAmounts[]): number {
  return Number(rows.reduce((sum, row) => sum + rowTotalMinor(row), 0n)) / 100;
}
