import type { Bounds, DefinitionInput } from '../model/index.ts';

type NodeInput = DefinitionInput['nodes'][number];
export type Box = Required<Bounds>;

const GAP_X = 60;
const GAP_Y = 40;
const PAD = 40;

/** The BPMN modelers' usual sizes. */
export function sizeOf(type: string): { width: number; height: number } {
  if (/^(start|end|terminate|errorEnd|timer|message)$|Boundary$/.test(type)) return { width: 36, height: 36 };
  if (/^(exclusive|parallel|inclusive|eventBased)$/.test(type)) return { width: 50, height: 50 };
  if (type === 'subProcess') return { width: 350, height: 200 };
  return { width: 100, height: 80 };
}

/**
 * Bounds for every node: the `known` ones as given, the others laid out left to right by distance
 * from their container's first nodes, top-level nodes banded by lane; a sub-process without bounds
 * grows around its children; boundary events sit on their host's bottom edge. Simple on purpose:
 * enough for a diagram to open in other tools, not a layout engine.
 */
export function layout(definition: DefinitionInput, known: Map<string, Bounds>): Map<string, Box> {
  const result = new Map<string, Box>();
  const byId = new Map(definition.nodes.map((n) => [n.id, n]));
  const hosts = new Map(
    definition.nodes.flatMap((n) => (n.attachedTo === undefined ? [] : [[n.id, n.attachedTo]])),
  );
  for (const [id, b] of known) {
    const size = sizeOf(byId.get(id)?.type ?? '');
    result.set(id, { x: b.x, y: b.y, width: b.width ?? size.width, height: b.height ?? size.height });
  }
  const band = (node: NodeInput) => {
    if (node.parent !== undefined || !definition.lanes) return 0;
    const index = definition.lanes.findIndex((lane) => lane.nodeIds.includes(node.id));
    return index < 0 ? definition.lanes.length : index;
  };

  /** Lays out a container's unplaced nodes from (0,0); returns their boxes (descendants included) and extent. */
  const relative = (
    parent: string | undefined,
  ): { boxes: Map<string, Box>; width: number; height: number } => {
    const members = definition.nodes.filter((n) => n.parent === parent && n.attachedTo === undefined);
    const open = members.filter((n) => !result.has(n.id));
    const boxes = new Map<string, Box>();
    const inner = new Map<string, Map<string, Box>>();
    const size = (n: NodeInput) => {
      if (n.type !== 'subProcess') return sizeOf(n.type);
      const r = relative(n.id);
      inner.set(n.id, r.boxes);
      return { width: Math.max(r.width + 2 * PAD, 350), height: Math.max(r.height + 2 * PAD, 200) };
    };
    const layer = layers(members, definition.flows ?? [], hosts);
    const cells = new Map<string, NodeInput[]>();
    for (const n of open) {
      const key = `${band(n)}:${layer.get(n.id) ?? 0}`;
      cells.set(key, [...(cells.get(key) ?? []), n]);
    }
    const sizes = new Map(open.map((n) => [n.id, size(n)]));
    const columns = [...new Set(open.map((n) => layer.get(n.id) ?? 0))].sort((a, b) => a - b);
    const bands = [...new Set(open.map(band))].sort((a, b) => a - b);
    const colWidth = (c: number) =>
      Math.max(...open.filter((n) => (layer.get(n.id) ?? 0) === c).map((n) => sizes.get(n.id)?.width ?? 0));
    const rowHeights = (b: number) => {
      const heights: number[] = [];
      for (const c of columns) {
        (cells.get(`${b}:${c}`) ?? []).forEach((n, row) => {
          heights[row] = Math.max(heights[row] ?? 0, sizes.get(n.id)?.height ?? 0);
        });
      }
      return heights;
    };
    let x = 0;
    let width = 0;
    let height = 0;
    for (const c of columns) {
      const w = colWidth(c);
      let bandTop = 0;
      for (const b of bands) {
        const rows = rowHeights(b);
        let y = bandTop;
        (cells.get(`${b}:${c}`) ?? []).forEach((n, row) => {
          const s = sizes.get(n.id) ?? sizeOf(n.type);
          const rowHeight = rows[row] ?? s.height;
          boxes.set(n.id, { x: x + (w - s.width) / 2, y: y + (rowHeight - s.height) / 2, ...s });
          y += rowHeight + GAP_Y;
        });
        bandTop += rows.reduce((sum, h) => sum + h + GAP_Y, 0) + GAP_Y;
      }
      height = Math.max(height, bandTop - 2 * GAP_Y);
      width = x + w;
      x += w + GAP_X;
    }
    for (const [id, children] of inner) {
      const box = boxes.get(id) as Box;
      for (const [childId, child] of children)
        boxes.set(childId, { ...child, x: child.x + box.x + PAD, y: child.y + box.y + PAD });
    }
    return { boxes, width, height };
  };

  const place = (parent: string | undefined, originX: number, originY: number) => {
    const { boxes } = relative(parent);
    for (const [id, box] of boxes) result.set(id, { ...box, x: box.x + originX, y: box.y + originY });
  };
  // Unplaced top-level nodes go below the placed ones, so a few new nodes never cover a drawn diagram.
  const bottoms = definition.nodes.flatMap((n) => {
    const box = n.parent === undefined ? result.get(n.id) : undefined;
    return box ? [box.y + box.height] : [];
  });
  place(undefined, 160, bottoms.length > 0 ? Math.max(...bottoms) + 80 : 80);
  for (const node of definition.nodes) {
    const box = result.get(node.id);
    if (node.type === 'subProcess' && box) place(node.id, box.x + PAD, box.y + PAD);
  }
  for (const node of definition.nodes) {
    if (node.attachedTo === undefined || result.has(node.id)) continue;
    const host = result.get(node.attachedTo);
    if (!host) continue;
    const siblings = definition.nodes.filter(
      (n) => n.attachedTo === node.attachedTo && result.has(n.id),
    ).length;
    const s = sizeOf(node.type);
    result.set(node.id, { x: host.x + 16 + siblings * 44, y: host.y + host.height - s.height / 2, ...s });
  }
  return result;
}

/**
 * Column of each node: its distance along flows from the container's nodes without incoming flows;
 * a flow leaving a boundary event counts as leaving its host.
 */
function layers(
  members: NodeInput[],
  flows: NonNullable<DefinitionInput['flows']>,
  hosts: Map<string, string>,
): Map<string, number> {
  const ids = new Set(members.map((n) => n.id));
  const inner = flows
    .map((f) => ({ source: hosts.get(f.source) ?? f.source, target: f.target }))
    .filter((f) => ids.has(f.source) && ids.has(f.target));
  const targets = new Set(inner.map((f) => f.target));
  const depth = new Map<string, number>();
  const queue = members.filter((n) => !targets.has(n.id) || n.type === 'start').map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const f of inner) {
      if (f.source !== id || depth.has(f.target)) continue;
      depth.set(f.target, (depth.get(id) ?? 0) + 1);
      queue.push(f.target);
    }
  }
  return depth;
}
