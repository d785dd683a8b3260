import { describe, expect, it } from 'vitest';
import { readBoolean, readDate, readNumber } from '../../src/crm/import-cells.ts';

describe('CRM import cells', () => {
  it('reads numbers as Russian and English spreadsheets write them', () => {
    expect(readNumber('1 250 000,50')).toBe(1_250_000.5);
    expect(readNumber('1\u00a0250\u00a0000,5')).toBe(1_250_000.5);
    expect(readNumber('1,250,000.50')).toBe(1_250_000.5);
    expect(readNumber('1.250.000,50')).toBe(1_250_000.5);
    expect(readNumber('-42')).toBe(-42);
    expect(readNumber('12,5')).toBe(12.5);
    expect(readNumber('')).toBeNull();
    expect(readNumber('ten')).toBeNaN();
    expect(readNumber('1e5')).toBeNaN();
  });

  it('reads dates in ISO and Russian order, refusing days that do not exist', () => {
    expect(readDate('2030-02-01')).toBe('2030-02-01');
    expect(readDate('1.2.2030')).toBe('2030-02-01');
    expect(readDate('')).toBeNull();
    expect(readDate('31.02.2030')).toBeUndefined();
    expect(readDate('2030-13-01')).toBeUndefined();
    expect(readDate('tomorrow')).toBeUndefined();
  });

  it('reads yes and no in both languages', () => {
    expect(['да', 'Yes', 'TRUE', '1'].map(readBoolean)).toEqual([true, true, true, true]);
    expect(['нет', 'no', 'false', '0'].map(readBoolean)).toEqual([false, false, false, false]);
    expect(readBoolean('')).toBeNull();
    expect(readBoolean('maybe')).toBeUndefined();
  });
});
