import { describe, expect, it } from 'vitest';
import {
  applySelect,
  CanvasMapper,
  EMPTY_OVERLAY,
  mapEdgeChanges,
  mapNodeChanges,
  type Overlay,
} from '../../src/designer/model/canvas.ts';
import { createEditor, execute } from '../../src/designer/model/stack.ts';
import { vacation } from './fixtures.ts';

describe('definition → React Flow', () => {
  it('gives each node its size and handles, so nothing waits to be measured', () => {
    const mapper = new CanvasMapper();
    const nodes = mapper.mapNodes(vacation(), EMPTY_OVERLAY);
    const approve = nodes.find((n) => n.id === 'approve');
    expect(approve).toMatchObject({
      type: 'baton',
      position: { x: 100, y: 90 },
      measured: { width: 150, height: 64 },
    });
    expect(approve?.handles?.map((h) => [h.type, h.position, h.x, h.y])).toEqual([
      ['target', 'left', -5, 27],
      ['source', 'right', 145, 27],
    ]);
    expect(nodes.find((n) => n.id === 'start')?.handles?.map((h) => h.type)).toEqual(['source']);
    expect(nodes.find((n) => n.id === 'timeout')?.zIndex).toBe(2);
  });

  it('marks flows leaving exclusive gateways as conditional', () => {
    const edges = new CanvasMapper().mapEdges(vacation(), EMPTY_OVERLAY);
    expect(edges.filter((e) => e.data?.conditional).map((e) => e.id)).toEqual(['f3', 'f4']);
  });

  it('reuses the objects of nodes and edges that did not change', () => {
    const mapper = new CanvasMapper();
    const doc = vacation();
    const first = mapper.mapNodes(doc, EMPTY_OVERLAY);
    const firstEdges = mapper.mapEdges(doc, EMPTY_OVERLAY);
    const edited = execute(createEditor(doc), { do: 'renameNode', nodeId: 'hr', name: 'HR' }).doc;
    const selected: Overlay = { ...EMPTY_OVERLAY, selection: { nodes: new Set(['join']), flows: new Set() } };
    const second = mapper.mapNodes(edited, selected);
    const changed = second.filter((n) => !first.includes(n)).map((n) => n.id);
    expect(changed.sort()).toEqual(['hr', 'join']);
    expect(second.find((n) => n.id === 'join')?.selected).toBe(true);
    expect(mapper.mapEdges(edited, selected)).toEqual(firstEdges);
    expect(mapper.mapEdges(edited, selected).every((e, i) => e === firstEdges[i])).toBe(true);
  });

  it('shows a dragged node at its drag position and test-run marks and problems on nodes', () => {
    const overlay: Overlay = {
      ...EMPTY_OVERLAY,
      drag: new Map([['hr', { x: 1, y: 2 }]]),
      run: new Map([['approve', 'done']]),
      problems: new Map([['join', 'error']]),
    };
    const nodes = new CanvasMapper().mapNodes(vacation(), overlay);
    expect(nodes.find((n) => n.id === 'hr')?.position).toEqual({ x: 1, y: 2 });
    expect(nodes.find((n) => n.id === 'approve')?.data.run).toBe('done');
    expect(nodes.find((n) => n.id === 'join')?.data.problem).toBe('error');
  });

  it('read-only nodes cannot be dragged, connected or deleted', () => {
    const node = new CanvasMapper().mapNodes(vacation(), { ...EMPTY_OVERLAY, readOnly: true })[0];
    expect(node).toMatchObject({ draggable: false, connectable: false, deletable: false });
  });
});

describe('React Flow changes → designer intents', () => {
  it('a drag is transient until it ends, then one move', () => {
    const during = mapNodeChanges(
      [{ type: 'position', id: 'hr', position: { x: 5, y: 6 }, dragging: true }],
      new Map(),
    );
    expect(during).toEqual({
      drag: new Map([['hr', { x: 5, y: 6 }]]),
      moves: [],
      select: new Map(),
      remove: [],
    });
    const end = mapNodeChanges([{ type: 'position', id: 'hr', dragging: false }], during.drag);
    expect(end.drag.size).toBe(0);
    expect(end.moves).toEqual([{ id: 'hr', x: 5, y: 6 }]);
  });

  it('selection, removal; dimensions ignored', () => {
    const intent = mapNodeChanges(
      [
        { type: 'select', id: 'a', selected: true },
        { type: 'remove', id: 'b' },
        { type: 'dimensions', id: 'c', dimensions: { width: 1, height: 1 } },
      ],
      new Map(),
    );
    expect(intent).toEqual({ drag: new Map(), moves: [], select: new Map([['a', true]]), remove: ['b'] });
    expect(
      mapEdgeChanges([
        { type: 'select', id: 'f', selected: false },
        { type: 'remove', id: 'g' },
      ]),
    ).toEqual({
      select: new Map([['f', false]]),
      remove: ['g'],
    });
  });

  it('applySelect keeps the same set when nothing changes', () => {
    const set = new Set(['a']);
    expect(applySelect(set, new Map([['a', true]]))).toBe(set);
    expect([
      ...applySelect(
        set,
        new Map([
          ['a', false],
          ['b', true],
        ]),
      ),
    ]).toEqual(['b']);
  });
});
