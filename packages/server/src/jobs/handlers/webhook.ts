import { createHmac } from 'node:crypto';
import type { Effect } from '@baton/engine';
import { type JobHandler, payloadOf } from '../handler.ts';

type Webhook = Extract<Effect, { type: 'callWebhook' }>;

export const TIMEOUT_MS = 10_000;

export interface WebhookOptions {
  /** How long a delivery may take to be answered; past it the attempt fails and is retried. */
  timeoutMs?: number;
}

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
export function webhookHandler(secret: string, { timeoutMs = TIMEOUT_MS }: WebhookOptions = {}): JobHandler {
  return {
    kind: 'callWebhook',
    async run(rt, job, finish) {
      const e = payloadOf<Webhook>(job);
      const body = JSON.stringify({ instanceId: job.instance_id, nodeId: e.nodeId, data: e.body });
      await deliverSigned(e, body, { key: job.key, timestamp: String(rt.now()), secret, timeoutMs });
      await finish();
    },
  };
}

/** Where a signed delivery goes. */
export interface WebhookTarget {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
}

/**
 * POSTs (or PUTs) `body` signed, with `key` as its `Idempotency-Key`; resolves on a 2xx answer. 5xx, 408,
 * 429, network errors and timeouts throw to be retried; other answers are a `PermanentFailure`.
 */
export async function deliverSigned(
  target: WebhookTarget,
  body: string,
  o: { key: string; timestamp: string; secret: string; timeoutMs: number },
): Promise<void> {
  const response = await fetch(requestOf(target, body, o.key, o.timestamp, o.secret), {
    signal: AbortSignal.timeout(o.timeoutMs),
  });
  await response.body?.cancel();
  if (response.ok) return;
  const message = `webhook ${target.url} answered ${response.status}`;
  if (response.status >= 500 || response.status === 408 || response.status === 429) throw new Error(message);
  throw new PermanentFailure(message);
}

/**
 * The request to send. One fetch cannot send (a version published before compile checked URLs and
 * header names) would fail every attempt alike, so it is a permanent failure.
 */
function requestOf(e: WebhookTarget, body: string, key: string, timestamp: string, secret: string): Request {
  try {
    if (!/^https?:$/.test(new URL(e.url).protocol)) throw new Error('only http and https are sent');
    const headers = new Headers();
    for (const [name, value] of Object.entries(e.headers)) {
      try {
        headers.set(name, value);
      } catch {
        // The value stays out of the message: it may be a credential.
        throw new Error(`the header ${JSON.stringify(name)} has a name or value HTTP does not allow`);
      }
    }
    // Set after the definition's: its `Idempotency-Key` (any case) would otherwise merge with ours.
    headers.set('content-type', 'application/json');
    headers.set('idempotency-key', key);
    headers.set('x-baton-timestamp', timestamp);
    headers.set('x-baton-signature', signature(secret, timestamp, body));
    return new Request(e.url, { method: e.method, headers, body });
  } catch (error) {
    throw new PermanentFailure(`webhook ${e.url} cannot be sent: ${(error as Error).message}`);
  }
}
