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
