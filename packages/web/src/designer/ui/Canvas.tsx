import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  type EdgeTypes,
  type IsValidConnection,
  MiniMap,
  type NodeChange,
  type NodeTypes,
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
import { FlowEdge } from './FlowEdge.tsx';
import { NodeView } from './NodeView.tsx';

/** The MIME type a palette item puts on the drag: the node type to add. */
export const DRAG_TYPE = 'application/x-baton-node';

const nodeTypes: NodeTypes = { baton: NodeView };
const edgeTypes: EdgeTypes = { flow: FlowEdge };
/** Below this zoom, labels and handles are hidden by CSS: unreadable anyway, and cheaper to paint. */
const LOW_ZOOM = 0.45;
/** Above this many nodes the canvas opens on the beginning of the process instead of all of it. */
const LARGE = 300;

export interface CanvasProps {
  doc: Doc;
  overlay: Omit<Overlay, 'drag'>;
  run: (cmd: Command) => void;
  setSelection: (selection: Selection) => void;
  onContextMenu?: (event: MouseEvent, target: { kind: 'node' | 'flow' | 'pane'; id?: string }) => void;
}

/**
 * The controlled React Flow canvas. Nodes and edges are derived from the definition (CanvasMapper);
 * every change React Flow reports goes back as a command or a selection; a drag shows transient
 * positions and ends in one move command. React Flow's own Delete key handling is off: Delete is a
 * designer action like any other (actions.ts).
 */
export function Canvas({ doc, overlay, run, setSelection, onContextMenu }: CanvasProps) {
  const flow = useReactFlow();
  const mapper = useMemo(() => new CanvasMapper(), []);
  const [drag, setDrag] = useState<ReadonlyMap<string, XYPosition>>(new Map());
  const wrapper = useRef<HTMLDivElement>(null);
  const full: Overlay = useMemo(() => ({ ...overlay, drag }), [overlay, drag]);
  const nodes = useMemo(() => mapper.mapNodes(doc, full), [mapper, doc, full]);
  const edges = useMemo(() => mapper.mapEdges(doc, full), [mapper, doc, full]);

  // On open: fit the whole diagram, or for a very large one its beginning (readable, and only a few
  // dozen nodes to draw); "zoom to fit" shows everything.
  const [initialFit] = useState(() => {
    if (doc.nodes.length <= LARGE) return { maxZoom: 1, padding: 0.12 };
    const first = [...doc.nodes].sort((a, b) => (a.position?.x ?? 0) - (b.position?.x ?? 0)).slice(0, 40);
    return { maxZoom: 1, padding: 0.12, nodes: first.map((n) => ({ id: n.id })) };
  });

  const latest = useRef({ doc, overlay, drag });
  latest.current = { doc, overlay, drag };

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const { overlay: o, drag: d } = latest.current;
      const intent = mapNodeChanges(changes, d);
      if (intent.drag.size > 0 || d.size > 0) setDrag(intent.drag);
      if (intent.moves.length > 0) run({ do: 'moveNodes', moves: intent.moves });
      if (intent.select.size > 0) {
        const next = applySelect(o.selection.nodes, intent.select);
        if (next !== o.selection.nodes) setSelection({ nodes: next, flows: o.selection.flows });
      }
      if (intent.remove.length > 0) run({ do: 'removeElements', nodeIds: intent.remove, flowIds: [] });
    },
    [run, setSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const { overlay: o } = latest.current;
      const intent = mapEdgeChanges(changes);
      if (intent.select.size > 0) {
        const next = applySelect(o.selection.flows, intent.select);
        if (next !== o.selection.flows) setSelection({ nodes: o.selection.nodes, flows: next });
      }
      if (intent.remove.length > 0) run({ do: 'removeElements', nodeIds: [], flowIds: intent.remove });
    },
    [run, setSelection],
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
        setSelection({ nodes: new Set(cmd.nodes.map((n) => n.id)), flows: new Set() });
    },
    [flow, run, setSelection],
  );

  const onMove = useCallback((_: unknown, viewport: Viewport) => {
    wrapper.current?.classList.toggle('bn-lowzoom', viewport.zoom < LOW_ZOOM);
  }, []);

  return (
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
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        nodesDraggable={!overlay.readOnly}
        nodesConnectable={!overlay.readOnly}
        edgesReconnectable={!overlay.readOnly}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={initialFit}
        minZoom={0.05}
        maxZoom={2}
        connectionRadius={28}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <MiniMap pannable zoomable nodeStrokeWidth={3} className="bn-minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
