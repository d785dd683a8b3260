import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Move } from './commands.ts';
import type { Doc } from './doc.ts';
import { sizeOf } from './kinds.ts';
import { GAP_X, GAP_Y } from './layout.ts';

type ElkInstance = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<ElkInstance> | null = null;

/**
 * ELK is a large library: loaded on the first auto-layout, not with the designer. In a browser it runs
 * in a Web Worker (laying out the 1,800-task template takes seconds; the page must not freeze meanwhile);
 * without workers (tests) in the same thread.
 */
function loadElk(): Promise<ElkInstance> {
  elk ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then((m) => {
          const Elk = (m.default ?? m) as unknown as new () => ElkInstance;
          return new Elk();
        })
      : Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
          ([api, url]) => {
            const Elk = (api.default ?? api) as unknown as new (o: { workerUrl: string }) => ElkInstance;
            return new Elk({ workerUrl: url.default });
          },
        );
  return elk;
}

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP_X),
  'elk.spacing.nodeNode': String(GAP_Y),
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.padding': '[top=32,left=32,bottom=32,right=32]',
};

/**
 * The ELK graph of a definition: sub-processes as compound nodes, boundary events left out (their
 * flows count as leaving their activity) and put back on the activity's bottom edge afterwards.
 */
export function toElkGraph(doc: Pick<Doc, 'nodes' | 'flows'>): ElkNode {
  const hostOf = new Map(
    doc.nodes.flatMap((n) => (n.attachedTo === undefined ? [] : [[n.id, n.attachedTo]])),
  );
  const elkNodes = new Map<string, ElkNode>();
  for (const n of doc.nodes)
    if (n.attachedTo === undefined) elkNodes.set(n.id, { id: n.id, ...sizeOf(n), children: [], edges: [] });
  const root: ElkNode = { id: '__root', layoutOptions: OPTIONS, children: [], edges: [] };
  for (const n of doc.nodes) {
    const e = elkNodes.get(n.id);
    if (!e) continue;
    const parent = (n.parent !== undefined && elkNodes.get(n.parent)) || root;
    parent.children?.push(e);
  }
  for (const e of elkNodes.values()) {
    if (e.children?.length === 0) {
      delete e.children;
      delete e.edges;
    } else {
      // A sub-process grows to hold its children: ELK sizes it, our stored size is only a minimum.
      e.layoutOptions = {
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${e.width},${e.height})`,
      };
      delete e.width;
      delete e.height;
    }
  }
  const seen = new Set<string>();
  for (const f of doc.flows) {
    const source = hostOf.get(f.source) ?? f.source;
    const target = hostOf.get(f.target) ?? f.target;
    if (
      source === target ||
      !elkNodes.has(source) ||
      !elkNodes.has(target) ||
      seen.has(`${source}>${target}`)
    )
      continue;
    seen.add(`${source}>${target}`);
    root.edges?.push({ id: f.id, sources: [source], targets: [target] } satisfies ElkExtendedEdge);
  }
  return root;
}

/** Reads absolute positions back from a laid-out ELK graph (ELK gives children relative to their parent). */
export function movesFromElk(doc: Pick<Doc, 'nodes'>, laid: ElkNode): Move[] {
  const at = new Map<string, { x: number; y: number; width: number; height: number }>();
  const walk = (node: ElkNode, dx: number, dy: number) => {
    for (const c of node.children ?? []) {
      const x = dx + (c.x ?? 0);
      const y = dy + (c.y ?? 0);
      at.set(c.id, { x, y, width: c.width ?? 0, height: c.height ?? 0 });
      walk(c, x, y);
    }
  };
  walk(laid, 0, 0);
  const moves: Move[] = [];
  const attached = new Map<string, number>();
  for (const n of doc.nodes) {
    if (n.attachedTo !== undefined) {
      const host = at.get(n.attachedTo);
      if (!host) continue;
      const k = attached.get(n.attachedTo) ?? 0;
      attached.set(n.attachedTo, k + 1);
      const s = sizeOf(n);
      moves.push({
        id: n.id,
        x: host.x + host.width - s.width - 8 - k * (s.width + 8),
        y: host.y + host.height - s.height / 2,
      });
      continue;
    }
    const b = at.get(n.id);
    if (b) moves.push({ id: n.id, x: b.x, y: b.y });
  }
  return moves.map((m) => ({ id: m.id, x: Math.round(m.x), y: Math.round(m.y) }));
}

/** Lays the definition out with ELK's layered algorithm; the result feeds the undoable `layout` command. */
export async function elkLayout(doc: Pick<Doc, 'nodes' | 'flows'>): Promise<Move[]> {
  const laid = await (await loadElk()).layout(toElkGraph(doc));
  return movesFromElk(doc, laid);
}
