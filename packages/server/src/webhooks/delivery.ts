import { type JobHandler, payloadOf } from '../jobs/handler.ts';
import { deliverSigned, TIMEOUT_MS } from '../jobs/handlers/webhook.ts';
import { EVENT_WEBHOOK_JOB, type EventDelivery } from './outbox.ts';

/**
 * Sends an event to its webhook's URL as it is now, signed like every Baton webhook, at least once with
 * the job key as `Idempotency-Key`. A webhook deleted or switched off since lets its deliveries go.
 */
export function eventWebhookHandler(secret: string): JobHandler {
  return {
    kind: EVENT_WEBHOOK_JOB,
    async run(rt, job, finish) {
      const d = payloadOf<EventDelivery>(job);
      const hook = await rt.db.kysely
        .selectFrom('event_webhooks')
        .select('url')
        .where('id', '=', d.webhookId)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!hook) return finish();
      const body = JSON.stringify({
        event: d.event,
        at: new Date(d.at).toISOString(),
        webhookId: d.webhookId,
        data: d.data,
      });
      const target = { url: hook.url, method: 'POST' as const, headers: {} };
      await deliverSigned(target, body, {
        key: job.key,
        timestamp: String(rt.now()),
        secret,
        timeoutMs: TIMEOUT_MS,
      });
      await finish();
    },
  };
}
