import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/i18n/language.ts';

const LOCALES = fileURLToPath(new URL('../src/i18n/locales', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of a namespace, plural forms folded into their base key (Russian has more forms than English). */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(PLURAL, '')];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const read = (language: string, file: string) =>
  JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Record<string, unknown>;

describe('translations', () => {
  const namespaces = readdirSync(join(LOCALES, 'en')).filter((f) => f.endsWith('.json'));

  it('Russian and English have the same namespaces', () => {
    expect(
      readdirSync(join(LOCALES, 'ru'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...namespaces].sort());
  });

  for (const file of namespaces) {
    it(`${file}: the same keys in both languages`, () => {
      const en = read('en', file);
      const ru = read('ru', file);
      expect([...new Set(keys(ru))].sort()).toEqual([...new Set(keys(en))].sort());
    });
  }

  it('Russian plurals have the one, few and many forms wherever English has a plural', () => {
    for (const file of namespaces) {
      const flat = (v: unknown, p = ''): string[] =>
        typeof v === 'object' && v !== null
          ? Object.entries(v).flatMap(([k, x]) => flat(x, p ? `${p}.${k}` : k))
          : [p];
      const en = flat(read('en', file));
      const ru = new Set(flat(read('ru', file)));
      for (const key of en.filter((k) => k.endsWith('_other'))) {
        const base = key.slice(0, -'_other'.length);
        for (const form of ['one', 'few', 'many'])
          expect(ru.has(`${base}_${form}`), `${file}: ${base}_${form}`).toBe(true);
      }
    }
  });
});

describe('the default language', () => {
  it('is the first supported one among the browser’s preferences', () => {
    expect(detectLanguage(['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(detectLanguage(['en-GB', 'ru'])).toBe('en');
  });
  it('is English when the browser prefers none of ours', () => {
    expect(detectLanguage(['de', 'fr-FR'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});
