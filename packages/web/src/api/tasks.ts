import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client.ts';
import { refresh } from './query-client.ts';
import type { TaskFilters } from './types.ts';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (filters: TaskFilters) => ['tasks', 'list', filters] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
};

/** How often inboxes look for new work while the event stream is down (notifications/live.ts). */
export const INBOX_POLL_MS = 15_000;

/** A task list page by page (keyset cursors), newest first. */
export function useTaskList(filters: TaskFilters, options: { pollMs?: number | false } = {}) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/tasks', {
        query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: options.pollMs ?? false,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKeys.one(id),
    queryFn: ({ signal }) => call('GET /api/v1/tasks/{id}', { path: { id }, signal }),
  });
}

export type Completion = { outcome?: string; variables: Record<string, unknown>; comment?: string };

/** Completes a task; every task and instance view is refreshed after. */
export function useCompleteTask(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Completion) => call('POST /api/v1/tasks/{id}/complete', { path: { id }, body }),
    onSuccess: () => refresh(client, 'tasks', 'instances'),
  });
}

export function useDelegateTask(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (to: string) => call('POST /api/v1/tasks/{id}/delegate', { path: { id }, body: { to } }),
    onSuccess: () => refresh(client, 'tasks'),
  });
}
