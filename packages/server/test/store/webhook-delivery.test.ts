import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/jobs/enqueue.ts';
import { webhookHandler } from '../../src/jobs/handlers/webhook.ts';
import type { Worker } from '../../src/jobs/worker.ts';
import { DIALECTS } from '../support/databases.ts';
import { startTestWorker } from '../support/jobs.ts';
import { jobsSuiteRuntime } from '../support/runtime.ts';

const SECRET = 'webhook-delivery-secret';
/** The job key the store gives a webhook effect: `<instance id>:<effect key>`. */
const KEY = 'i-1:hook:1';
/** What every delivery of the effects sent below carries. */
const BODY = JSON.stringify({ instanceId: 'i-1', nodeId: 'notify', data: { order: 42 } });
/** The signature the far end expects: `sha256=` and the hex HMAC-SHA256 of "<timestamp>.<body>". */
const signed = (timestamp: number) =>
  `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${BODY}`).digest('hex')}`;

/** How the far end answers one delivery: with a status, or never. */
type Answer = number | 'hang';

interface Delivery {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A far end that answers its deliveries as scripted (200 once the script runs out) and records each. */
interface ScriptedReceiver {
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}

async function startScriptedReceiver(answers: Answer[]): Promise<ScriptedReceiver> {
  const deliveries: Delivery[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    deliveries.push({
      method: request.method,
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const answer = answers.shift() ?? 200;
    if (answer !== 'hang') response.writeHead(answer).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    deliveries,
    close: async () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * The webhook handler run by a real Worker off the real queue, against a local far end: what each
 * answer does to the job (done, retried with back-off, dead) and what every delivery carries.
 */
describe.each(DIALECTS)('webhook delivery through a worker on %s', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];

  const t = jobsSuiteRuntime(dialect);
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** A receiver answering as scripted and a worker delivering to it; both go at the end of the test. */
  const deliverTo = async (answers: Answer[], timeoutMs = 5_000) => {
    const receiver = await startScriptedReceiver(answers);
    const worker = startTestWorker(t().rt, [webhookHandler(SECRET, { timeoutMs })]);
    // The receiver first: a delivery it holds open ends, so the worker can stop.
    cleanups.push(
      () => receiver.close(),
      () => worker.stop(),
    );
    return { receiver, worker };
  };
  const send = async (
    worker: Worker,
    url: string,
    { key = KEY, headers = { 'x-tenant': 'acme' } }: { key?: string; headers?: Record<string, string> } = {},
  ) => {
    const effect = {
      type: 'callWebhook',
      key: key.slice(key.indexOf(':') + 1),
      nodeId: 'notify',
      url,
      method: 'POST',
      headers,
      body: { order: 42 },
    };
    await enqueue(
      t().db.kysely,
      [{ kind: 'callWebhook', key, instanceId: 'i-1', payload: effect, dueAt: t().clock.now() }],
      t().clock.now(),
    );
    worker.wake();
  };
  const row = (key = KEY) =>
    t().db.kysely.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  /** Waits until the worker has recorded the failure of attempt `attempts`. */
  const failed = (attempts: number, within?: number) =>
    expect
      .poll(() => row(), within === undefined ? {} : { timeout: within })
      .toMatchObject({ status: 'pending', attempts, locked_by: null });
  /** Moves the clock to when the job is due again and wakes the worker. */
  const untilDue = async (worker: Worker) => {
    t().clock.advance((await row()).due_at - t().clock.now());
    worker.wake();
  };
  const keysOf = (deliveries: Delivery[]) => deliveries.map((d) => d.headers['idempotency-key']);

  it.each([400, 404, 422])(
    'a %i answer makes the job dead at once, and it is never delivered again',
    async (status) => {
      const { receiver, worker } = await deliverTo([status]);
      await send(worker, receiver.url);

      await expect.poll(() => row()).toMatchObject({ status: 'dead', locked_by: null });
      expect(await row()).toMatchObject({
        attempts: 1,
        last_error: `webhook ${receiver.url} answered ${status}`,
        locked_until: null,
      });

      // Much later, another webhook goes out: the dead one does not go with it.
      t().clock.advance(3_600_000);
      await send(worker, receiver.url, { key: 'i-1:hook:2' });
      await expect.poll(async () => (await row('i-1:hook:2')).status).toBe('done');
      expect(keysOf(receiver.deliveries)).toEqual([KEY, 'i-1:hook:2']);
    },
  );

  it.each([
    ['a URL that is not http(s)', 'ftp://crm.example.com/deals', {}, 'only http and https are sent'],
    ['a header name with a space', '', { 'x tenant': 'acme' }, 'x tenant'],
    ['a header value with a line break', '', { 'x-tenant': 'secret\r\nx-admin: 1' }, '"x-tenant"'],
  ])(
    'a webhook fetch cannot send (%s, from a version published before compile checked it) is dead at once',
    async (_case, url, headers, reason) => {
      const { receiver, worker } = await deliverTo([200]);
      await send(worker, url || receiver.url, { headers });

      await expect.poll(() => row()).toMatchObject({ status: 'dead', attempts: 1, locked_by: null });
      expect((await row()).last_error).toContain('cannot be sent');
      expect((await row()).last_error).toContain(reason);
      expect((await row()).last_error).not.toContain('secret');
      expect(receiver.deliveries).toEqual([]);
    },
  );

  it.each([408, 429, 500, 503])(
    'a %i answer is retried: the job is pending after the back-off with the attempt and the error recorded, then delivered',
    async (status) => {
      const { receiver, worker } = await deliverTo([status, 200]);
      await send(worker, receiver.url);

      await failed(1);
      expect(await row()).toMatchObject({
        last_error: `webhook ${receiver.url} answered ${status}`,
        due_at: t().clock.now() + 1_000,
        locked_until: null,
      });
      expect(receiver.deliveries).toHaveLength(1);

      await untilDue(worker);

      await expect.poll(() => row()).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
      expect(receiver.deliveries).toHaveLength(2);
    },
  );

  it('a far end that does not answer within the timeout is a failed attempt, retried after the back-off', async () => {
    const { receiver, worker } = await deliverTo(['hang', 200], 200);
    await send(worker, receiver.url);

    await failed(1, 3_000); // well before the default timeout (10 s): the one configured counts
    expect(await row()).toMatchObject({
      last_error: 'The operation was aborted due to timeout',
      due_at: t().clock.now() + 1_000,
    });

    await untilDue(worker);

    await expect.poll(() => row()).toMatchObject({ status: 'done', attempts: 2 });
    expect(receiver.deliveries).toHaveLength(2);
  });

  it('every delivery of a job, retries included, carries the job key as idempotency-key', async () => {
    const { receiver, worker } = await deliverTo([503, 429, 200]);
    await send(worker, receiver.url);
    await failed(1);
    await untilDue(worker);
    await failed(2);
    await untilDue(worker);

    await expect.poll(() => row()).toMatchObject({ status: 'done', attempts: 3 });
    expect(keysOf(receiver.deliveries)).toEqual([KEY, KEY, KEY]);
  });

  it('every delivery is signed sha256=HMAC-SHA256(secret, "<its timestamp>.<body>") and carries the effect headers', async () => {
    const { receiver, worker } = await deliverTo([503, 200]);
    const firstAt = t().clock.now();
    await send(worker, receiver.url);
    await failed(1);
    await untilDue(worker);
    await expect.poll(() => row()).toMatchObject({ status: 'done' });

    expect(receiver.deliveries.map((d) => [d.method, d.body])).toEqual([
      ['POST', BODY],
      ['POST', BODY],
    ]);
    expect(receiver.deliveries.map((d) => d.headers)).toMatchObject([
      {
        'content-type': 'application/json',
        'x-tenant': 'acme',
        'x-baton-timestamp': String(firstAt),
        'x-baton-signature': signed(firstAt),
      },
      {
        'content-type': 'application/json',
        'x-tenant': 'acme',
        'x-baton-timestamp': String(firstAt + 1_000),
        'x-baton-signature': signed(firstAt + 1_000),
      },
    ]);
  });

  it("a definition's own idempotency, content-type or signature headers, in whatever case, neither replace nor merge with Baton's", async () => {
    const { receiver, worker } = await deliverTo([200]);
    const at = t().clock.now();
    await send(worker, receiver.url, {
      headers: {
        'x-tenant': 'acme',
        'Idempotency-Key': 'theirs',
        'Content-Type': 'text/plain',
        'X-Baton-Timestamp': '0',
        'X-Baton-Signature': 'sha256=forged',
      },
    });

    await expect.poll(() => row()).toMatchObject({ status: 'done' });
    expect(receiver.deliveries.map((d) => d.headers)).toMatchObject([
      {
        'x-tenant': 'acme',
        'idempotency-key': KEY,
        'content-type': 'application/json',
        'x-baton-timestamp': String(at),
        'x-baton-signature': signed(at),
      },
    ]);
  });
});
