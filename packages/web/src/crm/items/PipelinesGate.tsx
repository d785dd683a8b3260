import type { ReactNode } from 'react';
import type { Pipeline } from '../../api/crm.ts';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import type { ItemKind } from './item-kind.ts';
import { NoPipelines } from './NoPipelines.tsx';

/** What a page needs of the query for the kind's pipelines (`usePipelines()`, `useLeadPipelines()`). */
export interface PipelinesQuery {
  data?: { items: Pipeline[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch(): unknown;
}

/** The page's body once there is a pipeline: loading, the error or "no pipeline yet" until then. */
export function PipelinesGate(props: {
  kind: ItemKind;
  pipelines: PipelinesQuery;
  pipeline: Pipeline | null;
  children: (pipeline: Pipeline) => ReactNode;
}) {
  const { pipelines, pipeline } = props;
  if (pipelines.isPending) return <Loading />;
  if (pipelines.isError) return <ErrorNotice error={pipelines.error} retry={() => pipelines.refetch()} />;
  if (!pipeline) return <NoPipelines kind={props.kind} />;
  return <>{props.children(pipeline)}</>;
}
