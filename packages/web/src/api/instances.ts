import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client.ts';
import { refresh } from './query-client.ts';
import type { InstanceFilters } from './types.ts';

export const instanceKeys = {
  list: (filters: InstanceFilters) => ['instances', 'list', filters] as const,
  one: (id: string) => ['instances', 'one', id] as const,
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

/** One instance with its tasks and history; refreshed every 15 s while it runs. */
export function useInstance(id: string) {
  return useQuery({
    queryKey: instanceKeys.one(id),
    queryFn: ({ signal }) => call('GET /api/v1/instances/{id}', { path: { id }, signal }),
    enabled: id !== '',
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 15_000 : false),
  });
}

export function useStartInstance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { definitionKey: string; params: Record<string, unknown>; idempotencyKey: string }) =>
      call('POST /api/v1/instances', {
        body: { definitionKey: input.definitionKey, params: input.params },
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
