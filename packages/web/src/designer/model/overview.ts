import type { Doc } from './doc.ts';
import { sizeOf } from './kinds.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around every node, or null for an empty diagram. */
export function boundsOf(doc: Pick<Doc, 'nodes'>): Rect | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const n of doc.nodes) {
    if (!n.position) continue;
    const s = sizeOf(n);
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + s.width);
    y1 = Math.max(y1, n.position.y + s.height);
  }
  return x0 === Number.POSITIVE_INFINITY ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Every flow as one SVG path: right side of the source to left side of the target with one elbow.
 * Far out, the canvas draws this single element instead of thousands of React Flow edges (which each
 * recompute their geometry on every pan step).
 */
export function flowPaths(doc: Pick<Doc, 'nodes' | 'flows'>): string {
  const boxes = new Map<string, Rect>();
  for (const n of doc.nodes)
    if (n.position) boxes.set(n.id, { x: n.position.x, y: n.position.y, ...sizeOf(n) });
  const parts: string[] = [];
  for (const f of doc.flows) {
    const s = boxes.get(f.source);
    const t = boxes.get(f.target);
    if (!s || !t) continue;
    const sx = s.x + s.width;
    const sy = s.y + s.height / 2;
    const tx = t.x;
    const ty = t.y + t.height / 2;
    const mx = Math.round((sx + tx) / 2);
    parts.push(`M${Math.round(sx)} ${Math.round(sy)}H${mx}V${Math.round(ty)}H${Math.round(tx)}`);
  }
  return parts.join('');
}

/** Every node's box as one SVG path (the far-out drawing of a large diagram, with `flowPaths`). */
export function nodePaths(doc: Pick<Doc, 'nodes'>): string {
  const parts: string[] = [];
  for (const n of doc.nodes) {
    if (!n.position) continue;
    const s = sizeOf(n);
    parts.push(
      `M${Math.round(n.position.x)} ${Math.round(n.position.y)}h${s.width}v${s.height}h${-s.width}z`,
    );
  }
  return parts.join('');
}

/** The node whose box holds a point (the smallest, so a task wins over its sub-process), if any. */
export function nodeAt(doc: Pick<Doc, 'nodes'>, x: number, y: number, slack = 0): string | undefined {
  let best: { id: string; area: number } | undefined;
  for (const n of doc.nodes) {
    if (!n.position) continue;
    const s = sizeOf(n);
    const inside =
      x >= n.position.x - slack &&
      x <= n.position.x + s.width + slack &&
      y >= n.position.y - slack &&
      y <= n.position.y + s.height + slack;
    if (inside && (!best || s.width * s.height < best.area)) best = { id: n.id, area: s.width * s.height };
  }
  return best?.id;
}
