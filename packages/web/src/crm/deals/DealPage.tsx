import { useParams } from 'react-router';
import { usePipelines } from '../../api/crm.ts';
import { useDeal } from '../../api/crm-deals.ts';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import { DealEditor } from './DealEditor.tsx';

/** A deal's card (`/crm/deals/:id`): its stage bar, fields, stage history and processes. */
export function DealPage() {
  const id = useParams().id ?? '';
  const deal = useDeal(id);
  const pipelines = usePipelines();
  if (deal.isPending || pipelines.isPending) return <Loading />;
  if (deal.isError) return <ErrorNotice error={deal.error} retry={() => deal.refetch()} />;
  if (pipelines.isError) return <ErrorNotice error={pipelines.error} retry={() => pipelines.refetch()} />;
  return (
    <DealEditor
      key={deal.data.id}
      stored={deal.data}
      reload={async () => (await deal.refetch()).data}
      pipelines={pipelines.data.items}
    />
  );
}
