import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client.ts';
import { refresh } from './query-client.ts';
import type { HistoryView, InstanceFilters } from './types.ts';

export const instanceKeys = {
  list: (filters: InstanceFilters) => ['instances', 'list', filters] as const,
  one: (id: string) => ['instances', 'one', id] as const,
  history: (id: string, view: HistoryView) => ['instances', 'history', id, view] as const,
};

export function useInstanceList(filters: InstanceFilters) {
  return useInfiniteQuery({
    queryKey: instanceKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/instances', {
        query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * One instance with its open tasks and summaries (where it is, who took part, the answers); its history
 * comes in pages (useInstanceHistory). Refreshed every 15 s while it runs.
 */
export function useInstance(id: string) {
  return useQuery({
    queryKey: instanceKeys.one(id),
    queryFn: ({ signal }) =>
      call('GET /api/v1/instances/{id}', { path: { id }, query: { historyLimit: 0, tasks: 'open' }, signal }),
    enabled: id !== '',
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 15_000 : false),
  });
}

/** History entries per page: the newest first, older ones on request. */
export const HISTORY_PAGE = 100;

/** An instance's history, newest page first; refreshed every 15 s while `live`. */
export function useInstanceHistory(id: string, view: HistoryView, live: boolean) {
  return useInfiniteQuery({
    queryKey: instanceKeys.history(id, view),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/instances/{id}/history', {
        path: { id },
        query: { view, limit: HISTORY_PAGE, ...(pageParam > 0 ? { before: pageParam } : {}) },
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled: id !== '',
    refetchInterval: live ? 15_000 : false,
    // Switching between the key steps and every event keeps the shown list until the other arrives
    // (the same instance's only: another card must not show this one's history meanwhile).
    placeholderData: (previous, query) => (query?.queryKey[2] === id ? previous : undefined),
  });
}

export function useStartInstance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      definitionKey: string;
      params: Record<string, unknown>;
      idempotencyKey: string;
      /** What the process is about (`deal:ID`): it reads that record as its document. */
      documentRef?: string | undefined;
    }) =>
      call('POST /api/v1/instances', {
        body: {
          definitionKey: input.definitionKey,
          params: input.params,
          ...(input.documentRef ? { documentRef: input.documentRef } : {}),
        },
        headers: { 'idempotency-key': input.idempotencyKey },
      }),
    onSuccess: () => refresh(client, 'instances', 'tasks'),
  });
}

export function useTerminateInstance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      call('POST /api/v1/instances/{id}/terminate', {
        path: { id: input.id },
        body: { reason: input.reason },
      }),
    onSuccess: () => refresh(client, 'instances', 'tasks'),
  });
}

export function useRetryInstance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('POST /api/v1/instances/{id}/retry', { path: { id } }),
    onSuccess: () => refresh(client, 'instances'),
  });
}
