import type { Pipeline } from '../api/crm.ts';
import { PipelineBoard } from '../crm/items/PipelineBoard.tsx';
import { LeadColumn } from './LeadColumn.tsx';
import { LEAD_KIND } from './lead-kind.ts';
import { useMoveLead } from './useMoveLead.ts';

/** The pipeline's leads as a board (see PipelineBoard); a card moves by its menu or by a drag. */
export function LeadBoard({ pipeline, q }: { pipeline: Pipeline; q: string }) {
  const mover = useMoveLead();
  return (
    <PipelineBoard
      kind={LEAD_KIND}
      pipeline={pipeline}
      column={(column) => <LeadColumn pipeline={pipeline} column={column} q={q} mover={mover} />}
    />
  );
}
