import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../../src/drive/file-kind.ts';

describe("a file's kind", () => {
  it('follows its name’s extension in any letter case', () => {
    expect(fileKindOf({ name: 'Договор.PDF', contentType: 'application/octet-stream' })).toBe('pdf');
    expect(fileKindOf({ name: 'Prices.xlsx', contentType: '' })).toBe('sheet');
    expect(fileKindOf({ name: 'Plan.docx', contentType: '' })).toBe('text');
    expect(fileKindOf({ name: 'Deck.pptx', contentType: '' })).toBe('slides');
    expect(fileKindOf({ name: 'Photo.JPG', contentType: '' })).toBe('image');
    expect(fileKindOf({ name: 'Backup.zip', contentType: '' })).toBe('archive');
  });

  it('falls back on its media type’s family when the name says nothing', () => {
    expect(fileKindOf({ name: 'scan', contentType: 'image/tiff' })).toBe('image');
    expect(fileKindOf({ name: 'readme', contentType: 'text/plain' })).toBe('text');
    expect(fileKindOf({ name: 'offer', contentType: 'application/pdf' })).toBe('pdf');
  });

  it('is other for anything else', () => {
    expect(fileKindOf({ name: 'data.bin', contentType: 'application/octet-stream' })).toBe('other');
    expect(fileKindOf({ name: '.env', contentType: '' })).toBe('other');
  });
});
