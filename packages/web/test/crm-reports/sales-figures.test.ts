import { describe, expect, it } from 'vitest';
import { amountsText, percentText } from '../../src/crm-reports/sales-figures.ts';

// Intl separates groups with a narrow no-break space in Russian; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('sums in several currencies', () => {
  it('are each written in its currency, the largest first', () => {
    expect(plain(amountsText({ USD: 2000, RUB: 150000 }, 'en'))).toBe('RUB 150,000, $2,000');
    expect(plain(amountsText({ RUB: 150000 }, 'ru'))).toBe('150 000 ₽');
  });

  it('are a dash when there are none', () => {
    expect(amountsText({}, 'en')).toBe('—');
  });
});

describe('a win rate', () => {
  it('is a whole per cent in the language', () => {
    expect(percentText(2 / 3, 'en')).toBe('67%');
    expect(plain(percentText(0.5, 'ru'))).toBe('50 %');
  });

  it('is a dash when nothing closed', () => {
    expect(percentText(null, 'en')).toBe('—');
  });
});
