import { Handle, type NodeProps, Position } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import type { CanvasNode } from '../model/canvas.ts';
import { shapeOf } from '../model/kinds.ts';
import { iconOf } from './icons.ts';

/** Translated type names and texts for nodes: one context for all, not one i18n subscription per node. */
export interface NodeTexts {
  type: (type: string) => string;
  multiInstance: string;
}
export const NodeTextsContext = createContext<NodeTexts>({ type: (t) => t, multiInstance: '' });

/**
 * One node on the canvas. Memoised on its data object, which the canvas mapper keeps identical while
 * the node's inputs are: panning or editing another node never re-renders it. Sizes come from the
 * mapper (React Flow does not measure), so this component fills its box and nothing more.
 */
export const NodeView = memo(function NodeView({ data, selected }: NodeProps<CanvasNode>) {
  const texts = useContext(NodeTextsContext);
  const { node } = data;
  const shape = shapeOf(node.type);
  const Icon = iconOf(node.type);
  const typeName = texts.type(node.type);
  const label = node.name ?? (shape === 'activity' || shape === 'container' ? typeName : '');
  const boundary = node.attachedTo !== undefined;
  return (
    <div
      className={`bn-node bn-${shape}`}
      data-type={node.type}
      data-run={data.run}
      data-problem={data.problem}
      data-found={data.found || undefined}
      data-selected={selected || undefined}
      title={`${label || typeName} (${node.id})`}
    >
      {node.type !== 'start' && !boundary && <Handle type="target" position={Position.Left} />}
      <span className="bn-shape">
        <Icon size={shape === 'activity' ? 16 : 18} stroke={1.8} aria-hidden />
      </span>
      {label && (
        <span className="bn-label">
          {label}
          {node.role && shape === 'activity' && <span className="bn-role">{node.role}</span>}
        </span>
      )}
      {node.multiInstance && (
        <span className="bn-multi" title={texts.multiInstance}>
          {node.multiInstance.sequential ? '≡' : '⦀'}
        </span>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
