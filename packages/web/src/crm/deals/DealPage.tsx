import { useParams } from 'react-router';
import { usePipelines } from '../../api/crm.ts';
import { useDeal } from '../../api/crm-deals.ts';
import { ItemPage } from '../items/ItemPage.tsx';
import { DealEditor } from './DealEditor.tsx';

/** A deal's card (`/crm/deals/:id`): its stage bar, fields, stage history and processes. */
export function DealPage() {
  return (
    <ItemPage
      item={useDeal(useParams().id ?? '')}
      pipelines={usePipelines()}
      editor={(stored, reload, pipelines) => (
        <DealEditor key={stored.id} stored={stored} reload={reload} pipelines={pipelines} />
      )}
    />
  );
}
