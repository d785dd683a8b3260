import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, type Query } from './client.ts';
import { refresh } from './query-client.ts';

export type Deal = Answer<'GET /api/v1/crm/deals/{id}'>;
export type DealItem = Answer<'GET /api/v1/crm/deals'>['items'][number];
export type DealFilters = Omit<Query<'GET /api/v1/crm/deals'>, 'cursor'>;
export type NewDeal = Body<'POST /api/v1/crm/deals'>;
export type DealChanges = Body<'PATCH /api/v1/crm/deals/{id}'>;

export const dealKeys = {
  list: (filters: DealFilters) => ['crm', 'deals', 'list', filters] as const,
  one: (id: string) => ['crm', 'deals', 'one', id] as const,
};

/** Deals I see, newest first, page by page: a board column (`pipelineId`, `stageId`), a contact's, a search. */
export function useDealList(filters: DealFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: dealKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/crm/deals', {
        query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...options,
  });
}

/** One deal with the stages it has been at. */
export function useDeal(id: string) {
  return useQuery({
    queryKey: dealKeys.one(id),
    queryFn: ({ signal }) => call('GET /api/v1/crm/deals/{id}', { path: { id }, signal }),
    enabled: id !== '',
  });
}

export function useCreateDeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDeal) => call('POST /api/v1/crm/deals', { body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/**
 * Changes a deal; with `version` the server refuses (409 VERSION_CONFLICT) when someone changed it
 * since. The answer is the deal as it now stands.
 */
export function useUpdateDeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; changes: DealChanges }) =>
      call('PATCH /api/v1/crm/deals/{id}', { path: { id: input.id }, body: input.changes }),
    onSuccess: (deal) => {
      // The card shows the change at once; its stage history comes with the refetch.
      client.setQueryData<Deal>(dealKeys.one(deal.id), (shown) => shown && { ...shown, ...deal });
      refresh(client, 'crm');
    },
  });
}

export function useDeleteDeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/deals/{id}', { path: { id } }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: dealKeys.one(id) });
      refresh(client, 'crm');
    },
  });
}
