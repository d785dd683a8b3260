import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, pathTooDeep } from '../../src/model/index.ts';

/** `levels` arrays inside one another, under `{ x: … }`. */
const nested = (levels: number): unknown => {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return { x: value };
};

describe('pathTooDeep', () => {
  it('accepts scalars and values up to the limit', () => {
    expect(pathTooDeep(null)).toBeUndefined();
    expect(pathTooDeep('text')).toBeUndefined();
    expect(pathTooDeep({ a: [1, { b: 2 }] }, 3)).toBeUndefined();
    expect(pathTooDeep(nested(MAX_JSON_DEPTH - 1))).toBeUndefined();
  });

  it('names the path to the first container past the limit', () => {
    expect(pathTooDeep({ a: [1, { b: 2 }] }, 2)).toEqual(['a', 1]);
    expect(pathTooDeep({ ok: { fine: 1 }, deep: { x: [[]] } }, 3)).toEqual(['deep', 'x', 0]);
    const path = pathTooDeep(nested(MAX_JSON_DEPTH));
    expect(path).toEqual(['x', ...Array.from({ length: MAX_JSON_DEPTH - 1 }, () => 0)]);
  });

  it('walks values far deeper than the stack allows recursion to', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(pathTooDeep(deep)).toHaveLength(MAX_JSON_DEPTH);
  });
});
