import { BaseEdge, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasEdge } from '../model/canvas.ts';

const MAX_LABEL = 28;

/** A sequence flow: its name, else its condition (leaving a gateway), else "default" for the default flow. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<CanvasEdge>) {
  const { t } = useTranslation('designer');
  const flow = props.data?.flow;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 8,
  });
  let label = flow?.name ?? (props.data?.conditional ? flow?.condition : undefined);
  if (!label && flow?.default) label = t('flow.defaultLabel');
  if (label && label.length > MAX_LABEL) label = `${label.slice(0, MAX_LABEL - 1)}…`;
  const classes = [
    'bn-flow',
    props.data?.taken ? 'bn-flow-taken' : '',
    props.data?.problem ? `bn-flow-${props.data.problem}` : '',
    flow?.default ? 'bn-flow-default' : '',
  ];
  return (
    <BaseEdge
      id={props.id}
      path={path}
      labelX={labelX}
      labelY={labelY}
      {...(label ? { label } : {})}
      labelShowBg
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={4}
      {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
      className={classes.filter(Boolean).join(' ')}
    />
  );
});
