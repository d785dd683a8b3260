import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client.ts';
import { refresh } from './query-client.ts';
import type { Job } from './schema.gen.ts';

export type JobStatus = Job['status'];

export interface JobFilters {
  status?: JobStatus;
  kind?: string;
  limit?: number;
}

/** The outbox and the timers, newest first, page by page; refreshed every 15 s (a worker moves them on). */
export function useJobList(filters: JobFilters) {
  return useInfiniteQuery({
    queryKey: ['jobs', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/jobs', {
        query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
}

/** Makes a dead job pending again (attempts from zero, due now). */
export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => call('POST /api/v1/jobs/{key}/retry', { path: { key } }),
    onSuccess: () => refresh(client, 'jobs'),
  });
}

/** Queues a test e-mail to the signed-in administrator; it shows in the outbox like any other. */
export function useTestEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('POST /api/v1/jobs/test-email'),
    onSuccess: () => refresh(client, 'jobs'),
  });
}

/** Whether the server sends e-mail, through which server and from whom. */
export function useEmailSettings() {
  return useQuery({
    queryKey: ['jobs', 'email'],
    queryFn: ({ signal }) => call('GET /api/v1/jobs/email', { signal }),
    staleTime: 60_000,
  });
}

/** Whether the server sends SMS, and through which gateway (its address without the key). */
export function useSmsSettings() {
  return useQuery({
    queryKey: ['jobs', 'sms'],
    queryFn: ({ signal }) => call('GET /api/v1/jobs/sms', { signal }),
    staleTime: 60_000,
  });
}
