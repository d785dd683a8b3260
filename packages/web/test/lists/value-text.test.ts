import { describe, expect, it } from 'vitest';
import { valueText } from '../../src/lists/value-text.ts';

const t = (key: 'record.yes' | 'record.no') => (key === 'record.yes' ? 'Yes' : 'No');
const name = (id: string) => (id === 'olga' ? 'Olga Smirnova' : id);

describe('a record’s value as read', () => {
  it('is a dash when there is none', () => {
    for (const value of [undefined, null, ''])
      expect(valueText({ type: 'string' }, value, t, 'en', name)).toBe('—');
  });

  it('is yes or no, a number and a date in the interface language, text as it is', () => {
    expect(valueText({ type: 'boolean' }, false, t, 'en', name)).toBe('No');
    expect(valueText({ type: 'number' }, 1500.5, t, 'en', name)).toBe('1,500.5');
    expect(valueText({ type: 'date' }, '2026-05-01', t, 'en', name)).toBe('May 1, 2026');
    expect(valueText({ type: 'select' }, 'supply', t, 'en', name)).toBe('supply');
    expect(valueText({ type: 'user' }, 'olga', t, 'en', name)).toBe('Olga Smirnova');
  });

  it('is a date’s own day, whatever the time zone (a day, not an instant)', () => {
    expect(valueText({ type: 'date' }, '2026-01-01', t, 'ru', name)).toBe('1 янв. 2026 г.');
  });
});
