import { useUpdateLead } from '../api/crm-leads.ts';
import { useStageMove } from '../crm/items/useStageMove.ts';
import { LEAD_KIND } from './lead-kind.ts';
import { leadProblem } from './lead-problems.ts';

/** Moves a lead of the board to another stage; see useStageMove. */
export const useMoveLead = () => useStageMove(LEAD_KIND, useUpdateLead(), leadProblem);
