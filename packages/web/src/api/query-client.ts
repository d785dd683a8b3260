import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/** Server state cache: data is fresh for 10 s; client errors (4xx) are not retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

/**
 * Marks every query under these roots stale and refetches the visible ones, without waiting: a
 * mutation's own onSuccess must not return this promise, or the caller's callbacks (navigate after
 * completing a task) would wait for the refetch — and never run if the refetch unmounts the caller.
 */
export function refresh(client: QueryClient, ...roots: string[]): void {
  for (const root of roots) void client.invalidateQueries({ queryKey: [root] });
}
