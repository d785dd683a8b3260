import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../../src/api/content-disposition.ts';

describe('the file name of a download', () => {
  it('is the UTF-8 name when the header has one (a Russian name travels only there)', () => {
    const header = `attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent('Счёт №5.pdf')}`;
    expect(fileNameOf(header)).toBe('Счёт №5.pdf');
  });
  it('is the plain name otherwise, quoted or not', () => {
    expect(fileNameOf('attachment; filename="contract ACME.docx"')).toBe('contract ACME.docx');
    expect(fileNameOf('attachment; filename=report.csv')).toBe('report.csv');
    expect(fileNameOf('attachment; filename="a \\"b\\".pdf"')).toBe('a "b".pdf');
  });
  it('falls back to the plain name when the UTF-8 one is malformed', () => {
    expect(fileNameOf(`attachment; filename="x.pdf"; filename*=UTF-8''%E0%A4%A.pdf`)).toBe('x.pdf');
  });
  it('is null without a header or a name in it', () => {
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
