import { usePipelines } from '../../api/crm.ts';
import { ItemsPage } from '../items/ItemsPage.tsx';
import { DealBoard } from './DealBoard.tsx';
import { DEAL_KIND } from './deal-kind.ts';

/** Deals on a pipeline's board: the pipeline (`?pipeline=`), a search by title, and a new deal. */
export function DealsPage() {
  return (
    <ItemsPage
      kind={DEAL_KIND}
      pipelines={usePipelines()}
      board={(pipeline, q) => <DealBoard key={pipeline.id} pipeline={pipeline} q={q} />}
    />
  );
}
