import { describe, expect, it } from 'vitest';
import { readDocumentRef } from '../../src/processes/about-ref.ts';

describe('what a process is about, read from its documentRef', () => {
  it('is a kind the app has a page for and the id after the first colon', () => {
    expect(readDocumentRef('deal:d1')).toEqual({ kind: 'deal', id: 'd1' });
    expect(readDocumentRef('file:01J:x')).toEqual({ kind: 'file', id: '01J:x' });
    expect(readDocumentRef('record:r7')).toEqual({ kind: 'record', id: 'r7' });
  });

  it('is nothing for no reference, an unknown kind or a missing id', () => {
    expect(readDocumentRef(null)).toBeNull();
    expect(readDocumentRef('')).toBeNull();
    expect(readDocumentRef('quote:q1')).toBeNull();
    expect(readDocumentRef('deal:')).toBeNull();
    expect(readDocumentRef('deal')).toBeNull();
  });
});
