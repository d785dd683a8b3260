import type { Pipeline } from '../../api/crm.ts';
import { PipelineBoard } from '../items/PipelineBoard.tsx';
import { DEAL_KIND } from './deal-kind.ts';
import { StageColumn } from './StageColumn.tsx';
import { useMoveDeal } from './useMoveDeal.ts';

/** The pipeline's deals as a board (see PipelineBoard); a card moves by its menu or by a drag. */
export function DealBoard({ pipeline, q }: { pipeline: Pipeline; q: string }) {
  const mover = useMoveDeal();
  return (
    <PipelineBoard
      kind={DEAL_KIND}
      pipeline={pipeline}
      column={(column) => <StageColumn pipeline={pipeline} column={column} q={q} mover={mover} />}
    />
  );
}
