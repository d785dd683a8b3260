import type { RunProgress } from '@baton/engine';
import { Controls, ReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import {
  type CanvasEdge,
  CanvasMapper,
  type CanvasNode,
  EMPTY_OVERLAY,
  type Overlay,
} from '../model/canvas.ts';
import { toDoc } from '../model/doc.ts';
import { withLayout } from '../model/layout.ts';
import { runMarks } from '../model/run-marks.ts';
import { edgeTypes, NodeTextsProvider, nodeTypes } from './DiagramParts.tsx';
import '@xyflow/react/dist/style.css';
import '../designer.css';

const FIT = { maxZoom: 1, padding: 0.08 };
/** Above this many nodes the whole diagram is unreadable in a card: it opens on the current steps instead. */
const LARGE = 300;

export interface DiagramViewProps {
  /** The definition JSON as stored (laid out here when it has no positions). */
  definition: Record<string, unknown>;
  /** Where the instance is and has been: each node's mark, the flows taken, the nodes it is at now. */
  progress: Pick<RunProgress, 'nodes' | 'flows' | 'current'>;
}

/**
 * A read-only diagram of a definition with where a run is and has been: the designer's own mapping and
 * node and flow components (so a step looks the same in both), without editing. Pans and zooms within
 * its box; the mouse wheel scrolls the page (Ctrl + wheel, pinch or the buttons zoom). It opens fitted
 * to the whole diagram, or to the current steps of a large one ("fit" then shows all). The default
 * export, for `React.lazy`: React Flow stays out of the pages that only link here.
 */
export default function DiagramView({ definition, progress }: DiagramViewProps) {
  const doc = useMemo(() => withLayout(toDoc(definition)), [definition]);
  const overlay: Overlay = useMemo(
    () => ({ ...EMPTY_OVERLAY, ...runMarks(progress), readOnly: true }),
    [progress],
  );
  const { current } = progress;
  const mapper = useMemo(() => new CanvasMapper(), []);
  const nodes = useMemo(() => mapper.mapNodes(doc, overlay), [mapper, doc, overlay]);
  const edges = useMemo(() => mapper.mapEdges(doc, overlay), [mapper, doc, overlay]);
  // Read once: the view opens fitted and is the person's to move afterwards.
  const [opening] = useState(() =>
    doc.nodes.length > LARGE && current.length > 0 ? { ...FIT, nodes: current.map((id) => ({ id })) } : FIT,
  );

  return (
    <NodeTextsProvider>
      <div className="bn-diagram" data-readonly data-testid="instance-diagram">
        <div className="bn-canvas">
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            edgesReconnectable={false}
            deleteKeyCode={null}
            zoomOnScroll={false}
            preventScrolling={false}
            onlyRenderVisibleElements
            fitView
            fitViewOptions={opening}
            minZoom={0.02}
            maxZoom={2}
            proOptions={{ hideAttribution: true }}
          >
            <Controls showInteractive={false} fitViewOptions={FIT} />
          </ReactFlow>
        </div>
      </div>
    </NodeTextsProvider>
  );
}
