import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';
import { refresh } from './query-client.ts';

export type Pipeline = Answer<'GET /api/v1/crm/pipelines'>['items'][number];
export type Stage = Pipeline['stages'][number];
export type StageKind = Stage['kind'];
export type PipelineSummary = Answer<'GET /api/v1/crm/pipelines/{id}/summary'>;
export type NewPipeline = Body<'POST /api/v1/crm/pipelines'>;
export type PipelineUpdate = Body<'PUT /api/v1/crm/pipelines/{id}'>;

/**
 * Query keys of the CRM: everything under `crm`, so one change (a deal moved, a stage renamed) refreshes
 * the board, its sums and the cards at once.
 */
export const crmKeys = {
  pipelines: ['crm', 'pipelines', 'list'] as const,
  summary: (id: string) => ['crm', 'pipelines', 'summary', id] as const,
};

/** Every pipeline with its stages in order; read by everyone. */
export function usePipelines() {
  return useQuery({
    queryKey: crmKeys.pipelines,
    queryFn: ({ signal }) => call('GET /api/v1/crm/pipelines', { signal }),
    staleTime: 60_000,
  });
}

/** How many deals I see at each stage of a pipeline and the sum of their amounts. */
export function usePipelineSummary(id: string) {
  return useQuery({
    queryKey: crmKeys.summary(id),
    queryFn: ({ signal }) => call('GET /api/v1/crm/pipelines/{id}/summary', { path: { id }, signal }),
    enabled: id !== '',
  });
}

export function useCreatePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPipeline) => call('POST /api/v1/crm/pipelines', { body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/** Renames, reorders, adds and removes stages: a stage sent with its id is kept, one left out removed. */
export function useUpdatePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: PipelineUpdate }) =>
      call('PUT /api/v1/crm/pipelines/{id}', { path: { id: input.id }, body: input.body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

export function useDeletePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/pipelines/{id}', { path: { id } }),
    onSuccess: () => refresh(client, 'crm'),
  });
}
