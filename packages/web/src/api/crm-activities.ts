import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, type Query } from './client.ts';

export type Activity = Answer<'GET /api/v1/crm/activities/{id}'>;
export type ActivityKind = Activity['kind'];
export type ActivityFilters = Omit<Query<'GET /api/v1/crm/activities'>, 'cursor'>;
export type NewActivity = Body<'POST /api/v1/crm/activities'>;
export type ActivityChanges = Body<'PATCH /api/v1/crm/activities/{id}'>;

/** Under `crm`: a deal moved (a robot may plan one) refreshes its activities with the rest of the CRM. */
export const activityKeys = {
  all: ['crm', 'activities'] as const,
  list: (filters: ActivityFilters) => ['crm', 'activities', 'list', filters] as const,
};

/** Activities page by page: open ones by deadline soonest first, done ones latest first. */
export function useActivityList(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/crm/activities', {
        query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every write re-reads the lists it may have moved the activity between (open, done, a deal's, mine). */
function useActivityWrite<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Not awaited: the caller's callbacks (close the dialog) need not wait for the refetch.
    onSuccess: () => void client.invalidateQueries({ queryKey: activityKeys.all }),
  });
}

/** Plans one (422 BAD_REFERENCE at body.dealId or body.responsibleId; 403 READ_ONLY on a deal only read). */
export const useCreateActivity = () =>
  useActivityWrite((body: NewActivity) => call('POST /api/v1/crm/activities', { body }));

/** Changes an open one; 409 ACTIVITY_DONE once done. */
export const useUpdateActivity = () =>
  useActivityWrite((input: { id: string; changes: ActivityChanges }) =>
    call('PATCH /api/v1/crm/activities/{id}', { path: { id: input.id }, body: input.changes }),
  );

/** Done, with what came of it. */
export const useCompleteActivity = () =>
  useActivityWrite((input: { id: string; result: string | null }) =>
    call('POST /api/v1/crm/activities/{id}/complete', {
      path: { id: input.id },
      body: { result: input.result },
    }),
  );

export const useDeleteActivity = () =>
  useActivityWrite((id: string) => call('DELETE /api/v1/crm/activities/{id}', { path: { id } }));
