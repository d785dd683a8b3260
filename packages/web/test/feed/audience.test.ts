import { describe, expect, it } from 'vitest';
import { audienceOf } from '../../src/feed/audience.ts';

describe('whom a feed post is for, as its reader sees it', () => {
  it('is everyone for a post to everyone, whoever reads it', () => {
    expect(audienceOf({ everyone: true }, false)).toBe('everyone');
    expect(audienceOf({ everyone: true }, true)).toBe('everyone');
  });

  it('is the reader for an addressed post: the server shows it only to those it names', () => {
    expect(audienceOf({ everyone: false }, false)).toBe('you');
  });

  it('is "addressed", not "for you", to one who sees every post', () => {
    expect(audienceOf({ everyone: false }, true)).toBe('some');
  });
});
