import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  type Viewport,
  type XYPosition,
} from '@xyflow/react';
import { type DragEvent, type MouseEvent, useCallback, useMemo, useRef, useState } from 'react';
import { addAtCommand } from '../model/add.ts';
import {
  applySelect,
  type CanvasEdge,
  CanvasMapper,
  type CanvasNode,
  mapEdgeChanges,
  mapNodeChanges,
  type Overlay,
  type Selection,
} from '../model/canvas.ts';
import { type Command, connectionProblem } from '../model/commands.ts';
import type { Doc } from '../model/doc.ts';
import { nextId } from '../model/ids.ts';
import { sizeOf } from '../model/kinds.ts';
import { nodeAt } from '../model/overview.ts';
import { edgeTypes, NodeTextsProvider, nodeTypes } from './DiagramParts.tsx';
import { Overview } from './Overview.tsx';
import { StaticFlows } from './StaticFlows.tsx';

/** The MIME type a palette item puts on the drag: the node type to add. */
export const DRAG_TYPE = 'application/x-baton-node';
const NO_EDGES: CanvasEdge[] = [];
const FIT_ON_OPEN = { maxZoom: 1, padding: 0.12 };
const CONTROLS_FIT = { maxZoom: 1, includeHiddenNodes: true };

/** Below this zoom, labels and handles are hidden by CSS: unreadable anyway, and cheaper to paint. */
const LOW_ZOOM = 0.3;
/** Above this many nodes the canvas opens on the beginning of the process instead of all of it. */
const LARGE = 300;
/** Above this many flows, far-out zoom draws them as one static path instead of React Flow edges. */
const MANY_FLOWS = 400;

export interface CanvasProps {
  doc: Doc;
  overlay: Omit<Overlay, 'drag'>;
  run: (cmd: Command) => void;
  /** Functional, because React Flow reports node and edge selection in separate calls of one event. */
  updateSelection: (update: (previous: Selection) => Selection) => void;
  onContextMenu?: (event: MouseEvent, target: { kind: 'node' | 'flow' | 'pane'; id?: string }) => void;
}

/**
 * The controlled React Flow canvas. Nodes and edges are derived from the definition (CanvasMapper);
 * every change React Flow reports goes back as a command or a selection; a drag shows transient
 * positions and ends in one move command. React Flow's own Delete key handling is off: Delete is a
 * designer action like any other (actions.ts).
 */
export function Canvas({ doc, overlay, run, updateSelection, onContextMenu }: CanvasProps) {
  const flow = useReactFlow();
  const mapper = useMemo(() => new CanvasMapper(), []);
  const [drag, setDrag] = useState<ReadonlyMap<string, XYPosition>>(new Map());
  const wrapper = useRef<HTMLDivElement>(null);
  const [far, setFar] = useState(false);
  const staticFlows = far && doc.flows.length > MANY_FLOWS;
  const full: Overlay = useMemo(() => ({ ...overlay, drag, far: staticFlows }), [overlay, drag, staticFlows]);
  const nodes = useMemo(() => mapper.mapNodes(doc, full), [mapper, doc, full]);
  const mapped = useMemo(() => mapper.mapEdges(doc, full), [mapper, doc, full]);
  const edges = staticFlows ? NO_EDGES : mapped;

  // On open: fit the whole diagram; a very large one, or any on a phone, opens on its start event at a
  // readable size instead (and only a few dozen nodes to draw); "zoom to fit" shows everything.
  const [opening] = useState(() => {
    const narrow = typeof window !== 'undefined' && window.innerWidth < 600;
    const start = doc.nodes.find((n) => n.type === 'start' && !n.parent) ?? doc.nodes[0];
    if ((narrow || doc.nodes.length > LARGE) && start?.position)
      return { kind: 'start' as const, node: start, zoom: narrow ? 0.6 : 0.8 };
    return { kind: doc.nodes.length > 1 ? ('fit' as const) : ('none' as const) };
  });
  const onInit = useCallback(() => {
    if (opening.kind !== 'start' || !opening.node.position) return;
    const height = wrapper.current?.clientHeight ?? 600;
    const { zoom } = opening;
    const size = sizeOf(opening.node);
    void flow.setViewport({
      x: 40 - opening.node.position.x * zoom,
      y: height / 2 - (opening.node.position.y + size.height / 2) * zoom,
      zoom,
    });
  }, [opening, flow]);

  const latest = useRef({ doc, overlay, drag });
  latest.current = { doc, overlay, drag };

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const { drag: d } = latest.current;
      const intent = mapNodeChanges(changes, d);
      if (intent.drag.size > 0 || d.size > 0) setDrag(intent.drag);
      if (intent.moves.length > 0) run({ do: 'moveNodes', moves: intent.moves });
      if (intent.select.size > 0)
        updateSelection((prev) => {
          const nodes = applySelect(prev.nodes, intent.select);
          return nodes === prev.nodes ? prev : { nodes, flows: prev.flows };
        });
      if (intent.remove.length > 0) run({ do: 'removeElements', nodeIds: intent.remove, flowIds: [] });
    },
    [run, updateSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const intent = mapEdgeChanges(changes);
      if (intent.select.size > 0)
        updateSelection((prev) => {
          const flows = applySelect(prev.flows, intent.select);
          return flows === prev.flows ? prev : { nodes: prev.nodes, flows };
        });
      if (intent.remove.length > 0) run({ do: 'removeElements', nodeIds: [], flowIds: intent.remove });
    },
    [run, updateSelection],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const current = latest.current.doc;
      run({ do: 'connect', flow: { id: nextId(current, 'flow'), source: c.source, target: c.target } });
    },
    [run],
  );

  const onReconnect = useCallback(
    (old: CanvasEdge, c: Connection) =>
      run({ do: 'reconnect', flowId: old.id, source: c.source, target: c.target }),
    [run],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) =>
      !latest.current.overlay.readOnly && connectionProblem(latest.current.doc, c.source, c.target) === null,
    [],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_TYPE);
      if (!type || latest.current.overlay.readOnly) return;
      e.preventDefault();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const cmd = addAtCommand(latest.current.doc, type, at);
      if (!cmd) return;
      run(cmd);
      if (cmd.do === 'addNodes')
        updateSelection(() => ({ nodes: new Set(cmd.nodes.map((n) => n.id)), flows: new Set() }));
    },
    [flow, run, updateSelection],
  );

  // Far out, nodes are drawn statically: a click on one selects it and zooms in on it.
  const onPaneClick = useCallback(
    (e: MouseEvent) => {
      if (!staticFlows) return;
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const id = nodeAt(latest.current.doc, at.x, at.y, 12 / flow.getZoom());
      const node = latest.current.doc.nodes.find((n) => n.id === id);
      if (!node?.position) return;
      updateSelection(() => ({ nodes: new Set([node.id]), flows: new Set() }));
      const s = sizeOf(node);
      void flow.setCenter(node.position.x + s.width / 2, node.position.y + s.height / 2, {
        zoom: 0.8,
        duration: 300,
      });
    },
    [staticFlows, flow, updateSelection],
  );

  // Crossing the far-out threshold toggles a class (CSS hides labels and icons, no re-render) and, for
  // large diagrams, swaps the edges for one static path: the only state change, once per crossing.
  const onMove = useCallback((_: unknown, viewport: Viewport) => {
    const isFar = viewport.zoom < LOW_ZOOM;
    wrapper.current?.classList.toggle('bn-lowzoom', isFar);
    setFar(isFar);
  }, []);

  return (
    <NodeTextsProvider>
      <div className="bn-canvas" ref={wrapper} data-testid="designer-canvas">
        <ReactFlow<CanvasNode, CanvasEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onReconnect={onReconnect}
          isValidConnection={isValidConnection}
          onDragOver={onDragOver}
          onDrop={onDrop}
          onMove={onMove}
          onNodeContextMenu={(e, n) => onContextMenu?.(e, { kind: 'node', id: n.id })}
          onEdgeContextMenu={(e, ed) => onContextMenu?.(e, { kind: 'flow', id: ed.id })}
          onPaneContextMenu={(e) => onContextMenu?.(e as MouseEvent, { kind: 'pane' })}
          onPaneClick={onPaneClick}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
          nodesDraggable={!overlay.readOnly}
          nodesConnectable={!overlay.readOnly}
          edgesReconnectable={!overlay.readOnly}
          onlyRenderVisibleElements
          fitView={opening.kind === 'fit'}
          fitViewOptions={FIT_ON_OPEN}
          onInit={onInit}
          minZoom={0.02}
          maxZoom={2}
          connectionRadius={28}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} size={1} />
          <Overview doc={doc} />
          {staticFlows && <StaticFlows doc={doc} />}
          <Controls showInteractive={false} fitViewOptions={CONTROLS_FIT} />
        </ReactFlow>
      </div>
    </NodeTextsProvider>
  );
}
