import { describe, expect, it } from 'vitest';
import { vatPickOf, vatRateOf } from '../../src/crm-quotes/quote-vat.ts';

describe("a quote's VAT as picked", () => {
  it('is none, a listed rate, or another rate typed in', () => {
    expect(vatPickOf(null)).toEqual({ choice: 'none', typed: '' });
    expect(vatPickOf(22)).toEqual({ choice: '22', typed: '' });
    expect(vatPickOf(0)).toEqual({ choice: '0', typed: '' });
    expect(vatPickOf(7.5)).toEqual({ choice: 'other', typed: 7.5 });
  });

  it('gives back the rate it was picked from', () => {
    for (const rate of [null, 0, 10, 22, 5, 7.5]) expect(vatRateOf(vatPickOf(rate))).toBe(rate);
  });

  it('takes the rate typed, with a comma or a point, only when another rate is chosen', () => {
    expect(vatRateOf({ choice: 'other', typed: '12,5' })).toBe(12.5);
    expect(vatRateOf({ choice: '10', typed: '12,5' })).toBe(10);
    expect(vatRateOf({ choice: 'none', typed: 12.5 })).toBeNull();
  });

  it('counts another rate not typed yet as none (its input is required, so it is not saved so)', () => {
    expect(vatRateOf({ choice: 'other', typed: '' })).toBeNull();
  });
});
