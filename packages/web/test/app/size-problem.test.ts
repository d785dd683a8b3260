import { describe, expect, it } from 'vitest';
import { sizeProblem } from '../../src/app/size-problem.ts';

describe('a file chosen for upload, by its size', () => {
  it('is sent when it has bytes, up to the largest taken', () => {
    expect(sizeProblem({ size: 1 }, 10)).toBeNull();
    expect(sizeProblem({ size: 10 }, 10)).toBeNull();
  });

  it('is not sent when empty', () => {
    expect(sizeProblem({ size: 0 }, 10)).toBe('empty');
  });

  it('is not sent when larger than taken', () => {
    expect(sizeProblem({ size: 11 }, 10)).toBe('tooLarge');
  });
});
