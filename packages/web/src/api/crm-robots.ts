import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';

export type Robot = Answer<'GET /api/v1/crm/pipelines/{id}/robots'>['items'][number];
export type RobotAction = Robot['action'];
/** What POST and PUT take: every setting, the whole of it on PUT. */
export type RobotBody = Body<'POST /api/v1/crm/pipelines/{id}/robots'>;

/** Under `crm`, so a pipeline's change (a stage removed takes its robots) refreshes them too. */
export const robotKeys = {
  all: ['crm', 'robots'] as const,
  of: (pipelineId: string) => ['crm', 'robots', pipelineId] as const,
};

/** A pipeline's robots in stage order; read by everyone. */
export function useRobots(pipelineId: string) {
  return useQuery({
    queryKey: robotKeys.of(pipelineId),
    queryFn: ({ signal }) =>
      call('GET /api/v1/crm/pipelines/{id}/robots', { path: { id: pipelineId }, signal }),
    enabled: pipelineId !== '',
  });
}

/** Puts a robot on a stage of the pipeline (`manageCrm`). */
export function useCreateRobot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { pipelineId: string; body: RobotBody }) =>
      call('POST /api/v1/crm/pipelines/{id}/robots', { path: { id: input.pipelineId }, body: input.body }),
    // Not awaited: the caller's callbacks (close the dialog) need not wait for the refetch.
    onSuccess: () => void client.invalidateQueries({ queryKey: robotKeys.all }),
  });
}

/** Replaces a robot's settings as a whole: switching it off sends every other setting unchanged. */
export function useUpdateRobot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: RobotBody }) =>
      call('PUT /api/v1/crm/robots/{id}', { path: { id: input.id }, body: input.body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: robotKeys.all }),
  });
}

export function useDeleteRobot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/robots/{id}', { path: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: robotKeys.all }),
  });
}
