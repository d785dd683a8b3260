import { useParams } from 'react-router';
import { useLead, useLeadPipelines } from '../api/crm-leads.ts';
import { ItemPage } from '../crm/items/ItemPage.tsx';
import { LeadEditor } from './LeadEditor.tsx';

/** A lead's card (`/crm/leads/:id`): its stage bar, fields, stage history, processes, conversion. */
export function LeadPage() {
  return (
    <ItemPage
      item={useLead(useParams().id ?? '')}
      pipelines={useLeadPipelines()}
      editor={(stored, reload, pipelines) => (
        <LeadEditor key={stored.id} stored={stored} reload={reload} pipelines={pipelines} />
      )}
    />
  );
}
