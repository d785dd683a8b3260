import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';

/**
 * The far end of a webhook: verifies each delivery's signature (`sha256=HMAC(secret, timestamp + "." +
 * body)`) and acts on each idempotency key once, counting every delivery so duplicates can be reported.
 */
export interface WebhookReceiver {
  url: string;
  /** Deliveries per idempotency key (signed correctly; the first one acted on). */
  deliveries: Map<string, number>;
  /** The body acted on, per key. */
  bodies: Map<string, unknown>;
  /** Deliveries refused for a missing or wrong signature or key. */
  refused: number;
  /** Deliveries answered 503 on purpose, to make the sender retry. */
  failed: number;
  /** Signed deliveries that have arrived, answered or not yet (see `delayMs`). */
  arrived: number;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  secret: string;
  /** Share of keys whose first delivery is answered 503 (the sender must retry them). */
  failFirst?: number;
  /** How long a signed delivery waits before it is answered (a slow far end). */
  delayMs?: number;
}

export async function startWebhookReceiver(options: ReceiverOptions): Promise<WebhookReceiver> {
  const deliveries = new Map<string, number>();
  const bodies = new Map<string, unknown>();
  const failedOnce = new Set<string>();
  const receiver: WebhookReceiver = {
    url: '',
    deliveries,
    bodies,
    refused: 0,
    failed: 0,
    arrived: 0,
    close: async () => {
      server.closeAllConnections();
      server.close();
    },
  };
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const key = header(request, 'idempotency-key');
    const timestamp = header(request, 'x-baton-timestamp');
    const signature = header(request, 'x-baton-signature');
    if (!key || !timestamp || !signature || !signedBy(options.secret, timestamp, body, signature)) {
      receiver.refused++;
      response.writeHead(401).end();
      return;
    }
    receiver.arrived++;
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (!failedOnce.has(key) && !deliveries.has(key) && Math.random() < (options.failFirst ?? 0)) {
      failedOnce.add(key);
      receiver.failed++;
      response.writeHead(503).end();
      return;
    }
    const seen = deliveries.get(key) ?? 0;
    deliveries.set(key, seen + 1);
    if (seen === 0) bodies.set(key, JSON.parse(body));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  receiver.url = `http://127.0.0.1:${address.port}/hook`;
  return receiver;
}

function signedBy(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
