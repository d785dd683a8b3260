import type { Pipeline } from '../api/crm.ts';
import { usePipelines } from '../api/crm.ts';
import type { FieldEntity } from '../api/crm-fields.ts';
import { useLeadPipelines } from '../api/crm-leads.ts';

/**
 * The pipelines whose stages a kind's fields may be required at: the deal pipelines for deals, the lead
 * pipelines for leads, none for contacts and companies (see `STAGED`).
 */
export function useStagePipelines(entity: FieldEntity): readonly Pipeline[] {
  const byEntity: Record<FieldEntity, Pipeline[] | undefined> = {
    deal: usePipelines().data?.items,
    lead: useLeadPipelines().data?.items,
    contact: undefined,
    company: undefined,
  };
  return byEntity[entity] ?? [];
}
