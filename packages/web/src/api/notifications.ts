import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client.ts';
import { refresh } from './query-client.ts';

export const notificationKeys = { recent: ['notifications', 'recent'] as const };

/** My latest notifications and how many are unread; polled only while the event stream is down. */
export function useNotifications(pollMs: number | false) {
  return useQuery({
    queryKey: notificationKeys.recent,
    queryFn: ({ signal }) => call('GET /api/v1/notifications', { query: { limit: 10 }, signal }),
    refetchInterval: pollMs,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('POST /api/v1/notifications/{id}/read', { path: { id } }),
    onSuccess: () => refresh(client, 'notifications'),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('POST /api/v1/notifications/read-all'),
    onSuccess: () => refresh(client, 'notifications'),
  });
}
