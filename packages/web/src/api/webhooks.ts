import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Body, call } from './client.ts';
import { refresh } from './query-client.ts';
import type { EventWebhook } from './schema.gen.ts';

export type { EventWebhook };
export type WebhookEvent = EventWebhook['events'][number];
/** What POST and PUT take: PUT replaces the whole webhook, so it is sent whole. */
export type WebhookBody = Body<'POST /api/v1/webhooks'>;

const webhooksKey = ['webhooks'] as const;

/** Every webhook Baton's events go out through (`manageWebhooks`). */
export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => call('GET /api/v1/webhooks', { signal }),
  });
}

/** Adds a webhook, or replaces one (`id`) with the body as it is. */
export function useSaveWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: WebhookBody }) =>
      input.id
        ? call('PUT /api/v1/webhooks/{id}', { path: { id: input.id }, body: input.body })
        : call('POST /api/v1/webhooks', { body: input.body }),
    onSuccess: () => refresh(client, 'webhooks'),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/webhooks/{id}', { path: { id } }),
    onSuccess: () => refresh(client, 'webhooks'),
  });
}

/** Sends a `webhook.test` event now; the answer says whether the URL took it, and why not. */
export function useTestWebhook() {
  return useMutation({
    mutationFn: (id: string) => call('POST /api/v1/webhooks/{id}/test', { path: { id } }),
  });
}
