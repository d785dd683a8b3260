import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney } from '../../src/crm/money.ts';

// Intl separates groups with a narrow no-break space in Russian; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('an amount in its currency', () => {
  it('is written the Russian way in Russian, without kopecks when whole', () => {
    expect(plain(formatMoney(150000, 'RUB', 'ru'))).toBe('150 000 ₽');
    expect(plain(formatMoney(1250.5, 'RUB', 'ru'))).toBe('1 250,50 ₽');
  });

  it('is written the English way in English', () => {
    expect(formatMoney(150000, 'USD', 'en')).toBe('$150,000');
    expect(formatMoney(99.9, 'EUR', 'en')).toBe('€99.90');
    expect(plain(formatMoney(150000, 'RUB', 'en'))).toBe('RUB 150,000');
  });

  it('keeps a code Intl does not know after the number', () => {
    expect(formatMoney(10, 'XY1', 'en')).toBe('10 XY1');
  });
});

describe('an amount without a currency', () => {
  it('is a grouped number with at most two decimals', () => {
    expect(formatAmount(1234567, 'en')).toBe('1,234,567');
    expect(plain(formatAmount(1234567.891, 'ru'))).toBe('1 234 567,89');
    expect(formatAmount(0, 'en')).toBe('0');
  });
});
