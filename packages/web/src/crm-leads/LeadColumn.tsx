import type { Pipeline, Stage } from '../api/crm.ts';
import { type LeadItem, useLeadList } from '../api/crm-leads.ts';
import type { BoardColumn } from '../crm/board.ts';
import { COLUMN_PAGE, StageColumnFrame } from '../crm/items/StageColumnFrame.tsx';
import type { Mover } from '../crm/items/useStageMove.ts';
import { LeadCard } from './LeadCard.tsx';
import { LEAD_KIND } from './lead-kind.ts';

/** One stage of the lead board: the leads there, matching the search `q`. */
export function LeadColumn(props: { pipeline: Pipeline; column: BoardColumn; q: string; mover: Mover }) {
  const { pipeline, column, q, mover } = props;
  const leads = useLeadList({
    pipelineId: pipeline.id,
    stageId: column.stage.id,
    limit: COLUMN_PAGE,
    ...(q ? { q } : {}),
  });
  const moveTo = (lead: LeadItem) => (to: Stage) => mover.move(lead, to);
  return (
    <StageColumnFrame
      kind={LEAD_KIND}
      column={column}
      q={q}
      query={leads}
      card={(lead) => <LeadCard key={lead.id} lead={lead} stages={pipeline.stages} onMove={moveTo(lead)} />}
    />
  );
}
