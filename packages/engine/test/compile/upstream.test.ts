import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loopEdges } from '../../src/compile/graph.ts';
import { NodeSet, upstreamSets } from '../../src/compile/upstream.ts';

/** What each set must hold: every node a walk back along `previous` reaches. */
function walkBack(target: string, previous: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(previous.get(target) ?? [])];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(previous.get(id) ?? []));
  }
  return seen;
}

/** Predecessor lists of a graph with its loop edges left out, as compile builds them. */
function acyclicPrevious(ids: string[], edges: [string, string][]): Map<string, string[]> {
  const next = new Map(ids.map((id) => [id, [] as string[]]));
  for (const [from, to] of edges) next.get(from)?.push(to);
  const loops = loopEdges(ids, next);
  const previous = new Map<string, string[]>();
  for (const [from, to] of edges)
    if (!loops.has(`${from}\n${to}`)) previous.set(to, [...(previous.get(to) ?? []), from]);
  return previous;
}

describe('upstream sets of inclusive joins', () => {
  it('hold exactly the nodes a walk back reaches, on any graph with its loops cut', () => {
    const graph = fc.integer({ min: 1, max: 70 }).chain((size) =>
      fc.record({
        size: fc.constant(size),
        edges: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
      }),
    );
    fc.assert(
      fc.property(graph, ({ size, edges }) => {
        const ids = Array.from({ length: size }, (_, i) => `n${i}`);
        const previous = acyclicPrevious(
          ids,
          edges.map(([a, b]) => [`n${a}`, `n${b}`]),
        );
        const sets = upstreamSets(previous, ids);
        for (const target of ids) {
          const expected = walkBack(target, previous);
          const set = sets.get(target) ?? NodeSet.EMPTY;
          expect(
            ids.filter((id) => set.has(id)),
            `upstream of ${target}`,
          ).toEqual(ids.filter((id) => expected.has(id)));
        }
        expect(sets.get('n0')?.has('unknown') ?? false).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('answers for 6,000 joins, each reachable from every one before it', () => {
    const ids = Array.from({ length: 6_000 }, (_, i) => `j${i}`);
    const previous = new Map(ids.slice(1).map((id, i) => [id, [ids[i] as string, 'fork']]));
    previous.set('j0', ['fork']);
    const sets = upstreamSets(previous, ids);
    expect(sets.get('j5999')?.has('j0')).toBe(true);
    expect(sets.get('j0')?.has('j5999')).toBe(false);
    expect(sets.get('j3000')?.has('fork')).toBe(true);
  });
});
