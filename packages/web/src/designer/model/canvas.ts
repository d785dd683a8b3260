import type { Edge, EdgeChange, MarkerType, Node, NodeChange, Position, XYPosition } from '@xyflow/react';
import type { Move } from './commands.ts';
import type { Doc, DocFlow, DocNode } from './doc.ts';
import { isConditionalGateway, shapeOf, sizeOf } from './kinds.ts';

/**
 * The canvas as a controlled React Flow component: the definition is mapped to React Flow nodes and
 * edges here, and React Flow's typed changes are mapped back to commands and selection — in plain
 * functions, tested without a browser.
 */

/** Where the test run has been: entered and still there, or left. */
export type RunMark = 'active' | 'done' | 'cancelled';

export interface NodeData extends Record<string, unknown> {
  node: DocNode;
  run: RunMark | undefined;
  problem: 'error' | 'warning' | undefined;
  /** Matches the search box. */
  found: boolean;
}
export type CanvasNode = Node<NodeData, 'baton'>;

export interface EdgeData extends Record<string, unknown> {
  flow: DocFlow;
  /** The flow leaves an exclusive or inclusive gateway: it shows its condition or "default". */
  conditional: boolean;
  taken: boolean;
  problem: 'error' | 'warning' | undefined;
}
export type CanvasEdge = Edge<EdgeData, 'flow'>;

export interface Selection {
  nodes: ReadonlySet<string>;
  flows: ReadonlySet<string>;
}
export const EMPTY_SELECTION: Selection = { nodes: new Set(), flows: new Set() };

/** What the canvas shows besides the definition: selection, a drag in progress, test-run marks, problems. */
export interface Overlay {
  selection: Selection;
  /** Positions of nodes being dragged: not in the definition until the drag ends (one move command). */
  drag: ReadonlyMap<string, XYPosition>;
  run: ReadonlyMap<string, RunMark>;
  taken: ReadonlySet<string>;
  problems: ReadonlyMap<string, 'error' | 'warning'>;
  found: ReadonlySet<string>;
  readOnly: boolean;
  /**
   * Far out on a large diagram the canvas draws nodes statically (StaticFlows): React Flow's nodes are
   * hidden then, except selected ones.
   */
  far?: boolean;
}

export const EMPTY_OVERLAY: Overlay = {
  selection: EMPTY_SELECTION,
  drag: new Map(),
  run: new Map(),
  taken: new Set(),
  problems: new Map(),
  found: new Set(),
  readOnly: false,
};

const HANDLE = 10;
const ARROW = { type: 'arrowclosed' as MarkerType, width: 18, height: 18 };
const LEFT = 'left' as Position;
const RIGHT = 'right' as Position;

/**
 * React Flow node for a definition node. Size and handles are given, not measured: the canvas can
 * draw edges and cull off-screen nodes (`onlyRenderVisibleElements`) before anything is in the DOM,
 * which is what lets the 1,800-task template open fast. The node component's CSS keeps to these sizes.
 */
export function toCanvasNode(node: DocNode, overlay: Overlay): CanvasNode {
  const { width, height } = sizeOf(node);
  const drag = overlay.drag.get(node.id);
  const shape = shapeOf(node.type);
  const boundary = node.attachedTo !== undefined;
  return {
    id: node.id,
    type: 'baton',
    position: drag ?? { x: node.position?.x ?? 0, y: node.position?.y ?? 0 },
    width,
    height,
    measured: { width, height },
    handles: [
      ...(node.type === 'start' || boundary
        ? []
        : [
            {
              id: null,
              type: 'target' as const,
              position: LEFT,
              x: -HANDLE / 2,
              y: height / 2 - HANDLE / 2,
              width: HANDLE,
              height: HANDLE,
            },
          ]),
      {
        id: null,
        type: 'source' as const,
        position: RIGHT,
        x: width - HANDLE / 2,
        y: height / 2 - HANDLE / 2,
        width: HANDLE,
        height: HANDLE,
      },
    ],
    selected: overlay.selection.nodes.has(node.id),
    draggable: !overlay.readOnly,
    connectable: !overlay.readOnly,
    deletable: !overlay.readOnly,
    zIndex: shape === 'container' ? -1 : boundary ? 2 : 0,
    ...(drag ? { dragging: true } : {}),
    ...(overlay.far && !overlay.selection.nodes.has(node.id) ? { hidden: true } : {}),
    data: {
      node,
      run: overlay.run.get(node.id),
      problem: overlay.problems.get(node.id),
      found: overlay.found.has(node.id),
    },
  };
}

export function toCanvasEdge(flow: DocFlow, conditional: boolean, overlay: Overlay): CanvasEdge {
  return {
    id: flow.id,
    type: 'flow',
    source: flow.source,
    target: flow.target,
    selected: overlay.selection.flows.has(flow.id),
    deletable: !overlay.readOnly,
    reconnectable: !overlay.readOnly,
    markerEnd: ARROW,
    data: { flow, conditional, taken: overlay.taken.has(flow.id), problem: overlay.problems.get(flow.id) },
  };
}

const sameNode = (a: CanvasNode, node: DocNode, overlay: Overlay) =>
  a.data.node === node &&
  a.selected === overlay.selection.nodes.has(node.id) &&
  a.draggable === !overlay.readOnly &&
  a.data.run === overlay.run.get(node.id) &&
  a.data.problem === overlay.problems.get(node.id) &&
  a.data.found === overlay.found.has(node.id) &&
  !overlay.drag.has(node.id) &&
  a.dragging !== true &&
  (a.hidden === true) === (overlay.far === true && !overlay.selection.nodes.has(node.id));

/**
 * Maps the definition to React Flow nodes and edges, reusing the previous object for every element
 * whose inputs did not change: React Flow then skips them, so a drag or a selection in a 1,800-node
 * diagram re-renders one node, not all of them.
 */
export class CanvasMapper {
  private nodes = new Map<string, CanvasNode>();
  private edges = new Map<string, CanvasEdge>();

  mapNodes(doc: Doc, overlay: Overlay): CanvasNode[] {
    const next = new Map<string, CanvasNode>();
    const out = doc.nodes.map((node) => {
      const old = this.nodes.get(node.id);
      const mapped = old && sameNode(old, node, overlay) ? old : toCanvasNode(node, overlay);
      next.set(node.id, mapped);
      return mapped;
    });
    // Containers first: React Flow draws later nodes on top within a z-level.
    out.sort((a, b) => (a.zIndex ?? 0) - (b.zIndex ?? 0));
    this.nodes = next;
    return out;
  }

  mapEdges(doc: Doc, overlay: Overlay): CanvasEdge[] {
    const types = new Map<string, string>();
    for (const n of doc.nodes) types.set(n.id, n.type);
    const next = new Map<string, CanvasEdge>();
    const out = doc.flows.map((flow) => {
      const conditional = isConditionalGateway(types.get(flow.source));
      const old = this.edges.get(flow.id);
      const same =
        old &&
        old.data?.flow === flow &&
        old.data.conditional === conditional &&
        old.selected === overlay.selection.flows.has(flow.id) &&
        old.deletable === !overlay.readOnly &&
        old.data.taken === overlay.taken.has(flow.id) &&
        old.data.problem === overlay.problems.get(flow.id);
      const mapped = same ? old : toCanvasEdge(flow, conditional, overlay);
      next.set(flow.id, mapped);
      return mapped;
    });
    this.edges = next;
    return out;
  }
}

/** What a batch of React Flow node changes means for the designer. */
export interface NodeIntent {
  /** Positions while dragging (transient: shown, not yet in the definition). */
  drag: Map<string, XYPosition>;
  /** Drag finished: one move command for these. */
  moves: Move[];
  /** Selection flags React Flow wants to change. */
  select: Map<string, boolean>;
  remove: string[];
}

/**
 * Maps React Flow's node changes: drags become transient positions and, when the drag ends, one move;
 * selection becomes selection; removals become a remove command. Dimension changes are ignored — sizes
 * are the designer's, not measured.
 */
export function mapNodeChanges(
  changes: readonly NodeChange[],
  dragging: ReadonlyMap<string, XYPosition>,
): NodeIntent {
  const intent: NodeIntent = { drag: new Map(dragging), moves: [], select: new Map(), remove: [] };
  for (const c of changes) {
    if (c.type === 'position') {
      if (c.dragging) {
        if (c.position) intent.drag.set(c.id, c.position);
      } else {
        const at = c.position ?? intent.drag.get(c.id);
        intent.drag.delete(c.id);
        if (at) intent.moves.push({ id: c.id, x: at.x, y: at.y });
      }
    } else if (c.type === 'select') intent.select.set(c.id, c.selected);
    else if (c.type === 'remove') intent.remove.push(c.id);
  }
  return intent;
}

export interface EdgeIntent {
  select: Map<string, boolean>;
  remove: string[];
}

export function mapEdgeChanges(changes: readonly EdgeChange[]): EdgeIntent {
  const intent: EdgeIntent = { select: new Map(), remove: [] };
  for (const c of changes) {
    if (c.type === 'select') intent.select.set(c.id, c.selected);
    else if (c.type === 'remove') intent.remove.push(c.id);
  }
  return intent;
}

/** Applies selection flags to a selection; returns the same object when nothing changed. */
export function applySelect(
  current: ReadonlySet<string>,
  flags: ReadonlyMap<string, boolean>,
): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const [id, on] of flags) {
    if (current.has(id) === on) continue;
    next ??= new Set(current);
    if (on) next.add(id);
    else next.delete(id);
  }
  return next ?? current;
}
