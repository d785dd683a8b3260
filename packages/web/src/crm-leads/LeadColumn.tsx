import type { Pipeline } from '../api/crm.ts';
import { useLeadList } from '../api/crm-leads.ts';
import type { BoardColumn } from '../crm/board.ts';
import { COLUMN_PAGE, StageColumnFrame } from '../crm/items/StageColumnFrame.tsx';
import type { Mover } from '../crm/items/useStageMove.ts';
import { LeadCard } from './LeadCard.tsx';
import { LEAD_KIND } from './lead-kind.ts';

/** One stage of the lead board (see StageColumnFrame): the leads there, matching the search `q`. */
export function LeadColumn(props: { pipeline: Pipeline; column: BoardColumn; q: string; mover: Mover }) {
  const { pipeline, column, q } = props;
  const leads = useLeadList({
    pipelineId: pipeline.id,
    stageId: column.stage.id,
    limit: COLUMN_PAGE,
    ...(q ? { q } : {}),
  });
  return (
    <StageColumnFrame
      kind={LEAD_KIND}
      column={column}
      q={q}
      query={leads}
      mover={props.mover}
      card={(lead, moveTo) => <LeadCard key={lead.id} lead={lead} stages={pipeline.stages} onMove={moveTo} />}
    />
  );
}
