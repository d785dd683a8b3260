import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { Doc } from '../model/doc.ts';
import { flowPaths } from '../model/overview.ts';

/**
 * All flows as one SVG path inside the viewport, for far-out zoom on large diagrams: it moves with the
 * viewport's transform and costs nothing per frame. Lines keep one pixel at any zoom.
 */
export const StaticFlows = memo(function StaticFlows({ doc }: { doc: Pick<Doc, 'nodes' | 'flows'> }) {
  const d = useMemo(() => flowPaths(doc), [doc]);
  return (
    <ViewportPortal>
      <svg className="bn-static-flows" width={1} height={1} aria-hidden="true">
        <path d={d} vectorEffect="non-scaling-stroke" />
      </svg>
    </ViewportPortal>
  );
});
