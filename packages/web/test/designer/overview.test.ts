import { describe, expect, it } from 'vitest';
import { CanvasMapper, EMPTY_OVERLAY } from '../../src/designer/model/canvas.ts';
import { boundsOf, flowPaths, nodeAt, nodePaths } from '../../src/designer/model/overview.ts';
import { vacation } from './fixtures.ts';

describe('the far-out drawing', () => {
  it('bounds every node', () => {
    expect(boundsOf(vacation())).toEqual({ x: 0, y: 0, width: 840, height: 340 });
    expect(boundsOf({ nodes: [] })).toBeNull();
  });

  it('draws each flow as one elbow from the right side of its source to the left side of its target', () => {
    const doc = vacation();
    doc.flows = [{ id: 'f1', source: 'start', target: 'approve' }];
    expect(flowPaths(doc)).toBe('M40 120H70V122H100');
  });

  it('draws each node as its box', () => {
    expect(nodePaths({ nodes: [{ id: 'a', type: 'userTask', position: { x: 10, y: 20 } }] })).toBe(
      'M10 20h150v64h-150z',
    );
  });

  it('finds the node under a point, the smallest when boxes overlap, with some slack', () => {
    const doc = vacation();
    expect(nodeAt(doc, 110, 100)).toBe('approve');
    expect(nodeAt(doc, 160, 150)).toBe('timeout');
    expect(nodeAt(doc, 98, 100)).toBeUndefined();
    expect(nodeAt(doc, 98, 100, 3)).toBe('approve');
  });

  it('hides React Flow nodes far out, except selected ones', () => {
    const overlay = {
      ...EMPTY_OVERLAY,
      far: true,
      selection: { nodes: new Set(['hr']), flows: new Set<string>() },
    };
    const nodes = new CanvasMapper().mapNodes(vacation(), overlay);
    expect(nodes.filter((n) => !n.hidden).map((n) => n.id)).toEqual(['hr']);
  });
});
