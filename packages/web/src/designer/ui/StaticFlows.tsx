import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { Doc } from '../model/doc.ts';
import { flowPaths, nodePaths } from '../model/overview.ts';

/**
 * The diagram far out, for large diagrams: all flows as one SVG path and all nodes as another, inside
 * the viewport. They move with its transform and cost nothing per frame, where React Flow's nodes and
 * edges each keep a store subscription that runs on every pan step. Lines keep one pixel at any zoom.
 */
export const StaticFlows = memo(function StaticFlows({ doc }: { doc: Pick<Doc, 'nodes' | 'flows'> }) {
  const flows = useMemo(() => flowPaths(doc), [doc]);
  const nodes = useMemo(() => nodePaths(doc), [doc]);
  return (
    <ViewportPortal>
      <svg className="bn-static-flows" width={1} height={1} aria-hidden="true">
        <path d={flows} vectorEffect="non-scaling-stroke" />
        <path className="bn-static-nodes" d={nodes} vectorEffect="non-scaling-stroke" />
      </svg>
    </ViewportPortal>
  );
});
