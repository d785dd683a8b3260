import { useLeadPipelines } from '../api/crm-leads.ts';
import { ItemsPage } from '../crm/items/ItemsPage.tsx';
import { LeadBoard } from './LeadBoard.tsx';
import { LEAD_KIND } from './lead-kind.ts';

/** Leads on a lead pipeline's board: the pipeline (`?pipeline=`), a search, and a new lead. */
export function LeadsPage() {
  return (
    <ItemsPage
      kind={LEAD_KIND}
      pipelines={useLeadPipelines()}
      board={(pipeline, q) => <LeadBoard key={pipeline.id} pipeline={pipeline} q={q} />}
    />
  );
}
