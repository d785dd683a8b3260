import { type Move, runCommand } from './commands.ts';
import type { Doc, DocNode } from './doc.ts';
import { sizeOf } from './kinds.ts';

/** Space between layers (left to right) and between nodes in one layer. */
export const GAP_X = 56;
export const GAP_Y = 28;
const PAD = 32;

/**
 * Layers by longest path from the sources, flows that close a loop ignored (found by depth-first search),
 * so a loop's return flow points backwards. Linear in nodes and flows.
 */
export function layers(ids: readonly string[], edges: readonly [string, string][]): Map<string, number> {
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [s, t] of edges) if (next.has(s) && next.has(t)) next.get(s)?.push(t);
  const state = new Map<string, 1 | 2>();
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const root of ids) {
    if (state.has(root)) continue;
    // Iterative DFS: a 1,800-task chain would overflow the call stack recursively.
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const [id, i] = top;
      const out = next.get(id) ?? [];
      if (i >= out.length) {
        state.set(id, 2);
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const t = out[i] as string;
      if (state.get(t) === 1) continue; // a back edge: the loop's return
      forward.get(id)?.push(t);
      indegree.set(t, (indegree.get(t) ?? 0) + 1);
      if (!state.has(t)) {
        state.set(t, 1);
        stack.push([t, 0]);
      }
    }
  }
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q] as string;
    for (const t of forward.get(id) ?? []) {
      layer.set(t, Math.max(layer.get(t) ?? 0, (layer.get(id) ?? 0) + 1));
      const d = (indegree.get(t) ?? 1) - 1;
      indegree.set(t, d);
      if (d === 0) queue.push(t);
    }
  }
  return layer;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A fast layered layout, left to right: used when a definition arrives without positions (a JSON file,
 * a generated template) so it opens at once; the auto-layout action uses ELK (elk-layout.ts). Nodes in a
 * layer are ordered by their predecessors' order, centred on the tallest layer; sub-processes grow around
 * their children; boundary events sit on their activity's bottom edge.
 */
export function quickLayout(doc: Pick<Doc, 'nodes' | 'flows'>): Move[] {
  const boxes = new Map<string, Box>();
  const children = new Map<string | undefined, DocNode[]>();
  const hostOf = new Map<string, string>();
  for (const n of doc.nodes) {
    if (n.attachedTo !== undefined) {
      hostOf.set(n.id, n.attachedTo);
      continue;
    }
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const edges = doc.flows.map((f): [string, string] => [
    hostOf.get(f.source) ?? f.source,
    hostOf.get(f.target) ?? f.target,
  ]);

  /** Lays out one container's members from (0,0); returns its extent. Children boxes are relative until shifted. */
  const place = (parent: string | undefined): { width: number; height: number } => {
    const members = children.get(parent) ?? [];
    const size = new Map(
      members.map((n) => {
        if (n.type !== 'subProcess' || !children.has(n.id)) return [n.id, sizeOf(n)];
        const inner = place(n.id);
        return [
          n.id,
          {
            width: Math.max(inner.width + 2 * PAD, sizeOf(n).width),
            height: Math.max(inner.height + 2 * PAD, sizeOf(n).height),
          },
        ];
      }),
    );
    const layer = layers(
      members.map((n) => n.id),
      edges,
    );
    const columns: DocNode[][] = [];
    for (const n of members) {
      const l = layer.get(n.id) ?? 0;
      const column = columns[l] ?? [];
      column.push(n);
      columns[l] = column;
    }
    const order = new Map<string, number>();
    const preds = new Map<string, string[]>();
    for (const [s, t] of edges) preds.set(t, [...(preds.get(t) ?? []), s]);
    for (const column of columns) {
      if (!column) continue;
      const rank = (n: DocNode) => {
        const ps = (preds.get(n.id) ?? []).filter((p) => order.has(p));
        return ps.length === 0
          ? Number.POSITIVE_INFINITY
          : ps.reduce((a, p) => a + (order.get(p) ?? 0), 0) / ps.length;
      };
      const ranked = column.map((n, i) => ({ n, r: rank(n), i }));
      ranked.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r - b.r));
      column.splice(0, column.length, ...ranked.map((x) => x.n));
      for (const [i, n] of column.entries()) order.set(n.id, i);
    }
    const heights = columns.map(
      (c) =>
        (c ?? []).reduce((h, n) => h + (size.get(n.id)?.height ?? 0), 0) + GAP_Y * ((c?.length ?? 1) - 1),
    );
    const height = Math.max(0, ...heights);
    let x = 0;
    columns.forEach((column, l) => {
      if (!column) return;
      const width = Math.max(...column.map((n) => size.get(n.id)?.width ?? 0));
      let y = (height - (heights[l] ?? 0)) / 2;
      for (const n of column) {
        const s = size.get(n.id) ?? { width: 0, height: 0 };
        boxes.set(n.id, { x: x + (width - s.width) / 2, y, width: s.width, height: s.height });
        y += s.height + GAP_Y;
      }
      x += width + GAP_X;
    });
    return { width: Math.max(0, x - GAP_X), height };
  };
  place(undefined);

  // Children were placed relative to their sub-process: shift them, outermost first.
  const shift = (parent: string, dx: number, dy: number) => {
    for (const n of children.get(parent) ?? []) {
      const b = boxes.get(n.id);
      if (!b) continue;
      b.x += dx;
      b.y += dy;
      if (children.has(n.id)) shift(n.id, b.x + PAD, b.y + PAD);
    }
  };
  for (const n of children.get(undefined) ?? []) {
    const b = boxes.get(n.id);
    if (b && children.has(n.id)) shift(n.id, b.x + PAD, b.y + PAD);
  }

  const moves: Move[] = [];
  const attachedCount = new Map<string, number>();
  for (const n of doc.nodes) {
    const host = n.attachedTo === undefined ? undefined : boxes.get(n.attachedTo);
    if (host) {
      const k = attachedCount.get(n.attachedTo as string) ?? 0;
      attachedCount.set(n.attachedTo as string, k + 1);
      const s = sizeOf(n);
      moves.push({
        id: n.id,
        x: host.x + host.width - s.width - 8 - k * (s.width + 8),
        y: host.y + host.height - s.height / 2,
      });
      continue;
    }
    const b = boxes.get(n.id);
    if (b) moves.push({ id: n.id, x: PAD + b.x, y: PAD + b.y });
  }
  return moves.map((m) => ({ id: m.id, x: Math.round(m.x), y: Math.round(m.y) }));
}

/** True when some node has no position: the definition needs a layout before it can be drawn. */
export const needsLayout = (doc: Pick<Doc, 'nodes'>) => doc.nodes.some((n) => n.position === undefined);

/** A definition that arrives without positions (a JSON file, a generated template), laid out at once. */
export function withLayout(doc: Doc): Doc {
  return needsLayout(doc) ? runCommand(doc, { do: 'layout', moves: quickLayout(doc) }).doc : doc;
}
