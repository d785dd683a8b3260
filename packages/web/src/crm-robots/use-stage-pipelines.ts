import type { Pipeline } from '../api/crm.ts';
import { usePipelines } from '../api/crm.ts';
import { useLeadPipelines } from '../api/crm-leads.ts';

/**
 * Deal pipelines, then lead pipelines: robots and triggers sit on the stages of both. Pending until both
 * are read; the first refusal is the error.
 */
export function useStagePipelines() {
  const deals = usePipelines();
  const leads = useLeadPipelines();
  const items: Pipeline[] = [...(deals.data?.items ?? []), ...(leads.data?.items ?? [])];
  return {
    items,
    isPending: deals.isPending || leads.isPending,
    error: deals.error ?? leads.error,
    refetch: () => Promise.all([deals.refetch(), leads.refetch()]),
  };
}
