import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';

export type Trigger = Answer<'GET /api/v1/crm/pipelines/{id}/triggers'>['items'][number];
export type TriggerEvent = Trigger['event'];
/** What POST and PUT take: every setting, the whole of it on PUT. */
export type TriggerBody = Body<'POST /api/v1/crm/pipelines/{id}/triggers'>;

/** Under `crm`, so a pipeline's change (a stage removed takes its triggers) refreshes them too. */
export const triggerKeys = {
  all: ['crm', 'triggers'] as const,
  of: (pipelineId: string) => ['crm', 'triggers', pipelineId] as const,
};

/** A pipeline's triggers in stage order; read by everyone with CRM access (a deal's history names them). */
export function useTriggers(pipelineId: string) {
  return useQuery({
    queryKey: triggerKeys.of(pipelineId),
    queryFn: ({ signal }) =>
      call('GET /api/v1/crm/pipelines/{id}/triggers', { path: { id: pipelineId }, signal }),
    enabled: pipelineId !== '',
  });
}

/** Puts a trigger on a stage of the pipeline (`manageCrm`). */
export function useCreateTrigger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { pipelineId: string; body: TriggerBody }) =>
      call('POST /api/v1/crm/pipelines/{id}/triggers', { path: { id: input.pipelineId }, body: input.body }),
    // Not awaited: the caller's callbacks (close the dialog) need not wait for the refetch.
    onSuccess: () => void client.invalidateQueries({ queryKey: triggerKeys.all }),
  });
}

/** Replaces a trigger's settings as a whole: switching it off sends every other setting unchanged. */
export function useUpdateTrigger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: TriggerBody }) =>
      call('PUT /api/v1/crm/triggers/{id}', { path: { id: input.id }, body: input.body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: triggerKeys.all }),
  });
}

export function useDeleteTrigger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/triggers/{id}', { path: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: triggerKeys.all }),
  });
}
