import { describe, expect, it } from 'vitest';
import {
  attachmentOf,
  filesProblem,
  MAX_LETTER_BYTES,
  MAX_LETTER_FILES,
  totalSize,
  withFiles,
} from '../../src/crm-mail/letter-files.ts';

const file = (name: string, size: number, lastModified = 1) => ({ name, size, lastModified });

describe('a file going with a letter', () => {
  it('carries its name, content type and every byte as base64', async () => {
    const chosen = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff])], 'Offer.pdf', {
      type: 'application/pdf',
    });
    expect(await attachmentOf(chosen)).toEqual({
      filename: 'Offer.pdf',
      contentType: 'application/pdf',
      content: 'JVBERv8=',
    });
  });

  it('leaves the content type to the server when the browser knows none, or one the server refuses', async () => {
    expect(await attachmentOf(new File(['FL-15'], 'specs.xyz'))).toEqual({
      filename: 'specs.xyz',
      content: 'RkwtMTU=',
    });
    const withParameter = new File(['a'], 'a.txt', { type: 'text/plain;charset=utf-8' });
    expect(await attachmentOf(withParameter)).not.toHaveProperty('contentType');
  });

  it('is empty content for an empty file', async () => {
    expect((await attachmentOf(new File([], 'empty.txt'))).content).toBe('');
  });
});

describe('the files chosen for a letter', () => {
  it('are added after those chosen before, the same file chosen again only once', () => {
    const specs = file('specs.txt', 9);
    const offer = file('offer.pdf', 1000);
    const files = withFiles([specs], [file('specs.txt', 9), offer]);
    expect(files).toEqual([specs, offer]);
  });

  it('may be files of the same name that differ', () => {
    expect(withFiles([file('a.txt', 1)], [file('a.txt', 2)])).toHaveLength(2);
    expect(withFiles([file('a.txt', 1, 1)], [file('a.txt', 1, 2)])).toHaveLength(2);
  });

  it('take the bytes of them all', () => {
    expect(totalSize([file('a', 10), file('b', 32)])).toBe(42);
    expect(totalSize([])).toBe(0);
  });

  it('may take up to 15 MiB in all and be up to 20', () => {
    expect(MAX_LETTER_BYTES).toBe(15 * 1024 * 1024);
    expect(filesProblem([file('a', MAX_LETTER_BYTES - 1), file('b', 1)])).toBeNull();
    expect(filesProblem(Array.from({ length: MAX_LETTER_FILES }, (_, i) => file(`${i}`, 1)))).toBeNull();
    expect(filesProblem([])).toBeNull();
  });

  it('are refused before sending when they take more than 15 MiB in all', () => {
    expect(filesProblem([file('a', MAX_LETTER_BYTES), file('b', 1)])).toBe('tooLarge');
  });

  it('are refused before sending when more than 20', () => {
    const files = Array.from({ length: MAX_LETTER_FILES + 1 }, (_, i) => file(`${i}`, 1));
    expect(filesProblem(files)).toBe('tooMany');
  });
});
