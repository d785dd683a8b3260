import { useUpdateDeal } from '../../api/crm-deals.ts';
import { useStageMove } from '../items/useStageMove.ts';
import { problemMessage } from '../problems.ts';
import { DEAL_KIND } from './deal-kind.ts';

/** Moves a deal of the board to another stage; see useStageMove. */
export const useMoveDeal = () => useStageMove(DEAL_KIND, useUpdateDeal(), problemMessage);
