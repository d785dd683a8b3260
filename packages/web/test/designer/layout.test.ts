import { compile } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../../../../bench/processes.ts';
import { toDoc } from '../../src/designer/model/doc.ts';
import { elkLayout, toElkGraph } from '../../src/designer/model/elk-layout.ts';
import { layers, needsLayout, quickLayout } from '../../src/designer/model/layout.ts';
import { createEditor, execute, undo } from '../../src/designer/model/stack.ts';
import { vacation } from './fixtures.ts';

const at = (moves: { id: string; x: number; y: number }[]) => new Map(moves.map((m) => [m.id, m]));

describe('layout', () => {
  it('layers by longest path and ignores the flow that closes a loop', () => {
    const layer = layers(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'b'],
        ['a', 'c'],
        ['c', 'd'],
      ],
    );
    expect(Object.fromEntries(layer)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it('quick layout goes left to right, parallel branches one above the other, boundary events on their activity', () => {
    const doc = vacation();
    const m = at(quickLayout(doc));
    const x = (id: string) => m.get(id)?.x ?? Number.NaN;
    expect(x('start')).toBeLessThan(x('approve'));
    expect(x('approve')).toBeLessThan(x('decision'));
    expect(x('split')).toBeLessThan(x('accounting'));
    expect(x('accounting')).toBe(x('hr'));
    expect(m.get('accounting')?.y).not.toBe(m.get('hr')?.y);
    expect(x('hr')).toBeLessThan(x('join'));
    const approve = m.get('approve');
    expect(m.get('timeout')?.y).toBeGreaterThan(approve?.y ?? 0);
  });

  it('is one undoable layout command', () => {
    const doc = vacation();
    const e = execute(createEditor(doc), { do: 'layout', moves: quickLayout(doc) });
    expect(e.past.map((x) => x.name)).toEqual(['layout']);
    expect(undo(e).doc).toEqual(vacation());
  });

  // Its speed (25 ms in Node) is in docs/BENCHMARKS.md; timings decide no test.
  it('lays out the 1,800-task template: every node placed, and it still compiles', () => {
    const doc = toDoc(PROCESSES.construction1800?.().baton ?? { key: 'x', name: 'x', nodes: [] });
    expect(needsLayout(doc)).toBe(true);
    const moves = quickLayout(doc);
    expect(moves).toHaveLength(doc.nodes.length);
    const laid = execute(createEditor(doc), { do: 'layout', moves }).doc;
    expect(needsLayout(laid)).toBe(false);
    expect(compile(laid).ok).toBe(true);
  });

  it('gives ELK sub-processes as compound nodes and leaves boundary events out', () => {
    const doc = vacation();
    doc.nodes.push({ id: 'sub', type: 'subProcess' }, { id: 'in', type: 'start', parent: 'sub' });
    const graph = toElkGraph(doc);
    expect(graph.children?.map((c) => c.id)).toEqual([
      'start',
      'approve',
      'decision',
      'split',
      'accounting',
      'hr',
      'join',
      'done',
      'refused',
      'sub',
    ]);
    expect(graph.children?.at(-1)?.children?.map((c) => c.id)).toEqual(['in']);
    expect(graph.edges?.find((e) => e.id === 'f10')).toEqual({
      id: 'f10',
      sources: ['approve'],
      targets: ['refused'],
    });
  });

  it('ELK layout places every node, left to right', async () => {
    const doc = vacation();
    const m = at(await elkLayout(doc));
    expect(m.size).toBe(doc.nodes.length);
    expect(m.get('start')?.x).toBeLessThan(m.get('approve')?.x ?? 0);
    expect(m.get('join')?.x).toBeLessThan(m.get('done')?.x ?? 0);
  });
});
