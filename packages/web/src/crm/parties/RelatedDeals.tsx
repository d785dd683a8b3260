import { useTranslation } from 'react-i18next';
import { usePipelines } from '../../api/crm.ts';
import { type DealFilters, useDealList } from '../../api/crm-deals.ts';
import { PagedList } from '../../app/PagedList.tsx';
import { SectionCard } from '../../app/SectionCard.tsx';
import { findStage } from '../board.ts';
import { DealCard } from '../deals/DealCard.tsx';

/** The deals with a contact or a company (`filter`), newest first, each at its stage. */
export function RelatedDeals({ filter }: { filter: Pick<DealFilters, 'contactId' | 'companyId'> }) {
  const { t } = useTranslation('crm');
  const deals = useDealList({ ...filter, limit: 20 });
  const pipelines = usePipelines().data?.items ?? [];
  return (
    <SectionCard id="related-deals" title={t('deals.title')}>
      <PagedList query={deals} empty={t('deals.noneHere')}>
        {(deal) => <DealCard key={deal.id} deal={deal} stage={findStage(pipelines, deal.stageId)?.stage} />}
      </PagedList>
    </SectionCard>
  );
}
