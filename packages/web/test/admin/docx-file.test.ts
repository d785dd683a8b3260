import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  docxProblem,
  MAX_DOCX_BYTES,
  nameOfFile,
  readAsBase64,
} from '../../src/admin/documents/docx-file.ts';

describe('a DOCX file as the upload carries it', () => {
  it('is base64 of every byte, also past the slices it is built in', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('is empty for an empty file', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('is read from a chosen file', async () => {
    const file = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff])]);
    expect(await readAsBase64(file)).toBe('UEsDBP8=');
  });
});

describe('a chosen file as a DOCX template', () => {
  it('may be a .docx of up to 10 MiB, whatever the case of its extension', () => {
    expect(docxProblem({ name: 'Договор.DOCX', size: MAX_DOCX_BYTES })).toBeNull();
  });
  it('is refused before sending when it is not a .docx', () => {
    expect(docxProblem({ name: 'contract.doc', size: 10 })).toBe('notDocx');
    expect(docxProblem({ name: 'contract.pdf', size: 10 })).toBe('notDocx');
  });
  it('is refused before sending when larger than the server takes', () => {
    expect(docxProblem({ name: 'big.docx', size: MAX_DOCX_BYTES + 1 })).toBe('tooLarge');
  });
  it('names a new template after the file, without the extension', () => {
    expect(nameOfFile('Договор поставки.docx')).toBe('Договор поставки');
    expect(nameOfFile('invoice.DOCX')).toBe('invoice');
  });
});
