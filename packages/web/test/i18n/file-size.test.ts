import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../src/i18n/format.ts';

describe('a file size in the interface language', () => {
  it.each([
    [0, 'en', '0 bytes'],
    [1, 'en', '1 byte'],
    [1023, 'en', '1,023 bytes'],
    [1024, 'en', '1 kB'],
    [12_595, 'en', '12.3 kB'],
    [1_572_864, 'en', '1.5 MB'],
    [512, 'ru', '512 байт'],
    [12_595, 'ru', '12,3 кБ'],
    [10 * 1024 * 1024, 'ru', '10 МБ'],
  ])('%d bytes in %s: %s', (bytes, language, text) => {
    expect(formatFileSize(bytes, language).replace(/\u00a0/g, ' ')).toBe(text);
  });
});
