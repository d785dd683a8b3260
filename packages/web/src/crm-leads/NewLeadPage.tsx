import { useCreateLead, useLeadPipelines } from '../api/crm-leads.ts';
import { NewItemPage } from '../crm/items/NewItemPage.tsx';
import { LeadForm } from './LeadForm.tsx';
import { newLeadDraft, newLeadOf } from './lead-draft.ts';
import { LEAD_KIND } from './lead-kind.ts';

/** A new lead (`/crm/leads/new?pipeline=ID`): who it is from, and where it came from. */
export function NewLeadPage() {
  return (
    <NewItemPage
      kind={LEAD_KIND}
      pipelines={useLeadPipelines()}
      create={useCreateLead()}
      draftOf={newLeadDraft}
      bodyOf={newLeadOf}
      form={(props) => <LeadForm {...props} />}
    />
  );
}
