import { describe, expect, it } from 'vitest';
import { suggestKey, TEMPLATE_KEY } from '../../src/admin/documents/template-key.ts';

describe('document template keys', () => {
  it.each(['invoice', 'Act_2026', '1c-export', 'a', 'x'.repeat(100)])('takes %s', (key) => {
    expect(TEMPLATE_KEY.test(key)).toBe(true);
  });
  it.each(['', '-lead', '_lead', 'with space', 'a.b', 'счёт', 'x'.repeat(101)])('refuses %j', (key) => {
    expect(TEMPLATE_KEY.test(key)).toBe(false);
  });

  it('are suggested from a Russian name in Latin letters', () => {
    expect(suggestKey('Счёт на оплату', [])).toBe('schet-na-oplatu');
  });
  it('are suggested beside the keys taken, not over them', () => {
    expect(suggestKey('Invoice', ['invoice', 'invoice-2'])).toBe('invoice-3');
  });
  it('are suggested even from a name without letters', () => {
    const key = suggestKey('№ 5', []);
    expect(key).toBe('5');
    expect(suggestKey('!!!', [])).toBe('document');
  });
  it('suggested are always keys the server takes', () => {
    for (const name of ['Договор поставки № 12', 'Act / 2026', '—', 'Ёлка'])
      expect(suggestKey(name, [])).toMatch(TEMPLATE_KEY);
  });
});
