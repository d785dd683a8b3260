import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteTotal, rowTotal, rowTotalMinor } from '../../src/crm-quotes/quote-total.ts';

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

describe("a quote's total", () => {
  it("adds up the rows' rounded totals", () => {
    const half = { price: 0.01, quantity: 0.5, discount: 0 };
    expect(quoteTotal([half, half])).toBe(0.02);
    expect(quoteTotal([])).toBe(0);
  });
});
