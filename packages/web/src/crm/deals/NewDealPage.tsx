import { usePipelines } from '../../api/crm.ts';
import { useCreateDeal } from '../../api/crm-deals.ts';
import { NewItemPage } from '../items/NewItemPage.tsx';
import { DealForm } from './DealForm.tsx';
import { newDealDraft, newDealOf } from './deal-draft.ts';
import { DEAL_KIND } from './deal-kind.ts';

/** A new deal (`/crm/deals/new?pipeline=ID`), with no contact or company chosen yet. */
export function NewDealPage() {
  return (
    <NewItemPage
      kind={DEAL_KIND}
      pipelines={usePipelines()}
      create={useCreateDeal()}
      draftOf={newDealDraft}
      bodyOf={newDealOf}
      form={(props) => <DealForm {...props} names={{ contact: null, company: null }} />}
    />
  );
}
