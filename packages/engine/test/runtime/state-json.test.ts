import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, type InstanceState, stateJson } from '../../src/index.ts';

const asState = (value: Record<string, unknown>) => value as unknown as InstanceState;

describe('stateJson', () => {
  it('writes what JSON.stringify writes, for any JSON-like object with lists', () => {
    const item = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(fc.string(), fc.jsonValue()));
    const field = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.array(item));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), field), (value) => {
        expect(stateJson(asState(value))).toBe(JSON.stringify(value));
      }),
    );
  });

  it('reuses the JSON of an item written before, as `step` keeps unchanged items and never edits them', () => {
    const kept = { id: 'k1', nodeId: 'a', waits: ['t1'] };
    const first = asState({ ...emptyState(), tokens: [kept] });
    expect(stateJson(first)).toBe(JSON.stringify(first));

    // Editing an item in place is what `step` never does: here it shows the JSON was not written again.
    kept.waits.push('t2');
    const next = asState({ ...emptyState(), seq: 2, tokens: [kept, { id: 'k2', nodeId: 'b', waits: [] }] });
    expect(stateJson(next)).toBe(
      JSON.stringify({ ...next, tokens: [{ id: 'k1', nodeId: 'a', waits: ['t1'] }, next.tokens[1]] }),
    );
  });
});
