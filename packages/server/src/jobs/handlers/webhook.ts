import { createHmac } from 'node:crypto';
import type { Effect } from '@baton/engine';
import { type JobHandler, payloadOf } from '../handler.ts';

type Webhook = Extract<Effect, { type: 'callWebhook' }>;

const TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC of "timestamp.body">`: the receiver recomputes it with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A permanent refusal: retrying cannot help, so the job is dead at once. */
export class PermanentFailure extends Error {}

/**
 * Delivers a webhook at least once: a real HTTP request with the job key as `Idempotency-Key` and an
 * HMAC-SHA256 signature. 5xx, 408, 429 and network errors are retried with back-off; other 4xx are final.
 */
export function webhookHandler(secret: string): JobHandler {
  return {
    kind: 'callWebhook',
    async run(rt, job, finish) {
      const e = payloadOf<Webhook>(job);
      const body = JSON.stringify({ instanceId: job.instance_id, nodeId: e.nodeId, data: e.body });
      const timestamp = String(rt.now());
      const response = await fetch(e.url, {
        method: e.method,
        headers: {
          ...e.headers,
          'content-type': 'application/json',
          'idempotency-key': job.key,
          'x-baton-timestamp': timestamp,
          'x-baton-signature': signature(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.ok) return finish();
      const message = `webhook ${e.url} answered ${response.status}`;
      if (response.status >= 500 || response.status === 408 || response.status === 429)
        throw new Error(message);
      throw new PermanentFailure(message);
    },
  };
}
