import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  draftTotals,
  rowTotal,
  rowTotalMinor,
  savedTotals,
  vatMinor,
} from '../../src/crm-quotes/quote-total.ts';

describe("a quote row's total", () => {
  it('is price × quantity less the discount, in kopecks', () => {
    expect(rowTotal({ price: 1299.9, quantity: 3.5, discount: 5.5 })).toBe(4299.42);
    expect(rowTotal({ price: 100, quantity: 2, discount: 0 })).toBe(200);
    expect(rowTotal({ price: 100, quantity: 2, discount: 100 })).toBe(0);
  });

  it('rounds half a kopeck up', () => {
    expect(rowTotal({ price: 0.01, quantity: 0.5, discount: 0 })).toBe(0.01);
    expect(rowTotal({ price: 0.01, quantity: 0.499, discount: 0 })).toBe(0);
    expect(rowTotal({ price: 0.01, quantity: 1, discount: 50 })).toBe(0.01);
  });

  it('is exact where floating point is not', () => {
    // In floating point 1.15 × 0.5 is 0.57499…, 0.29 × 0.5 is 0.14499…: both would round down.
    expect(rowTotal({ price: 1.15, quantity: 1, discount: 50 })).toBe(0.58);
    expect(rowTotal({ price: 0.29, quantity: 0.5, discount: 0 })).toBe(0.15);
    expect(rowTotal({ price: 4.35, quantity: 0.5, discount: 0 })).toBe(2.18);
  });

  it('holds the largest amounts exactly', () => {
    expect(rowTotalMinor({ price: 99_999_999_999.99, quantity: 1000, discount: 0.01 })).toBe(
      9_998_999_999_999_000n,
    );
  });

  it('equals the exact product rounded half up, for any price, quantity and discount the server takes', () => {
    const minor = fc.integer({ min: 0, max: 10_000_000_000 });
    const milli = fc.integer({ min: 1, max: 1_000_000_000 });
    const basisPoints = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(minor, milli, basisPoints, (p, q, d) => {
        const exact = BigInt(p) * BigInt(q) * BigInt(10_000 - d);
        const whole = exact / 10_000_000n;
        const rest = exact % 10_000_000n;
        const expected = rest * 2n >= 10_000_000n ? whole + 1n : whole;
        expect(rowTotalMinor({ price: p / 100, quantity: q / 1000, discount: d / 100 })).toBe(expected);
      }),
    );
  });
});

/** Rows summing to 9,299.42: 3.5 × 1,299.90 less 5.5 % (4,299.42) and 5,000. */
const ROWS = [
  { price: 1299.9, quantity: 3.5, discount: 5.5 },
  { price: 5000, quantity: 1, discount: 0 },
];
const NO_VAT = { vatRate: null, vatIncluded: true };
const INCLUDED = { vatRate: 22, vatIncluded: true };
const ON_TOP = { vatRate: 22, vatIncluded: false };

describe("a quote's totals while it is edited", () => {
  it("add up the rows' rounded totals", () => {
    const half = { price: 0.01, quantity: 0.5, discount: 0 };
    expect(draftTotals([half, half], NO_VAT)).toEqual([{ line: 'total', amount: 0.02 }]);
    expect(draftTotals([], NO_VAT)).toEqual([{ line: 'total', amount: 0 }]);
  });

  it('show the VAT the prices include under the total', () => {
    expect(draftTotals(ROWS, INCLUDED)).toEqual([
      { line: 'total', amount: 9299.42 },
      { line: 'vatIncluded', amount: 1676.94, rate: 22 },
    ]);
  });

  it('add VAT on top: the sum before it, the VAT, the total with it', () => {
    expect(draftTotals(ROWS, ON_TOP)).toEqual([
      { line: 'subtotal', amount: 9299.42 },
      { line: 'vat', amount: 2045.87, rate: 22 },
      { line: 'totalWithVat', amount: 11_345.29 },
    ]);
  });

  it('show a zero rate as such', () => {
    expect(draftTotals(ROWS, { vatRate: 0, vatIncluded: true })).toEqual([
      { line: 'total', amount: 9299.42 },
      { line: 'vatIncluded', amount: 0, rate: 0 },
    ]);
  });
});

describe('VAT', () => {
  it('rounds half a kopeck up', () => {
    // On top: 0.05 × 10 / 100 = 0.005, 0.04 × 10 / 100 = 0.004; included: 0.03 × 20 / 120 = 0.005, 0.02 × 20 / 120 = 0.0033…
    expect(vatMinor(5n, { vatRate: 10, vatIncluded: false })).toBe(1n);
    expect(vatMinor(4n, { vatRate: 10, vatIncluded: false })).toBe(0n);
    expect(vatMinor(3n, { vatRate: 20, vatIncluded: true })).toBe(1n);
    expect(vatMinor(2n, { vatRate: 20, vatIncluded: true })).toBe(0n);
  });

  it('takes a rate to hundredths of a per cent', () => {
    // 100.00 × 7.5 / 107.5 = 6.976…; 100.00 × 7.5 / 100 = 7.50
    expect(vatMinor(10_000n, { vatRate: 7.5, vatIncluded: true })).toBe(698n);
    expect(vatMinor(10_000n, { vatRate: 7.5, vatIncluded: false })).toBe(750n);
  });

  it('is none without a rate, whatever else is set', () => {
    expect(vatMinor(929_942n, { vatRate: null, vatIncluded: false })).toBe(0n);
  });

  it('equals the exact share rounded half up, for any sum and rate the server takes', () => {
    const sum = fc.bigInt({ min: 0n, max: 10n ** 15n });
    const basisPoints = fc.integer({ min: 0, max: 9999 });
    fc.assert(
      fc.property(sum, basisPoints, fc.boolean(), (s, bp, included) => {
        const exact = s * BigInt(bp);
        const denominator = included ? 10_000n + BigInt(bp) : 10_000n;
        const whole = exact / denominator;
        const expected = (exact % denominator) * 2n >= denominator ? whole + 1n : whole;
        expect(vatMinor(s, { vatRate: bp / 100, vatIncluded: included })).toBe(expected);
      }),
    );
  });
});

describe("a saved quote's totals", () => {
  it("are the server's figures, the sum before VAT being what the client pays less the VAT on top", () => {
    expect(savedTotals({ ...ON_TOP, total: 11_345.29, vat: 2045.87 })).toEqual(draftTotals(ROWS, ON_TOP));
    expect(savedTotals({ ...INCLUDED, total: 9299.42, vat: 1676.94 })).toEqual(draftTotals(ROWS, INCLUDED));
    expect(savedTotals({ ...NO_VAT, total: 9299.42, vat: 0 })).toEqual([{ line: 'total', amount: 9299.42 }]);
  });
});
