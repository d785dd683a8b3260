import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { ApiClient, sleep, waitUntil } from '../support/api-client.ts';
import { BatonProcess, freePort } from '../support/baton-process.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { webhookProcess } from '../support/processes.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

const TOKEN = 'graceful-shutdown-token';
const SECRET = randomBytes(16).toString('hex');
/** The far end answers this long after a delivery arrives: the shutdown lands in the middle of it. */
const SLOW_MS = 1_500;

/**
 * `baton serve` told to stop (SIGTERM) while its worker is delivering a webhook: it finishes the delivery,
 * records it, frees its locks and exits 0 — a restarted server has nothing left to do again.
 */
describe.each(DIALECTS)('graceful shutdown of baton serve on %s', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-shutdown-'));
  let database: TestDatabase | undefined;
  let server: BatonProcess | undefined;
  const closers: (() => Promise<void>)[] = [];

  afterAll(async () => {
    await server?.kill();
    for (const close of closers) await close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the webhook in flight, leaves its job done and unlocked, exits 0, and nothing is sent twice', async () => {
    database = await createTestDatabase(dialect);
    const receiver = await startWebhookReceiver({ secret: SECRET, delayMs: SLOW_MS });
    closers.push(() => receiver.close());
    const port = await freePort();
    server = new BatonProcess('serve', {
      database: database.url,
      port,
      logFile: join(dir, 'serve.log'),
      env: { BATON_ADMIN_TOKEN: TOKEN, BATON_WEBHOOK_SECRET: SECRET, BATON_LOG_LEVEL: 'info' },
    });
    const api = new ApiClient(`http://127.0.0.1:${port}`, TOKEN);
    await server.start();
    await api.publish(webhookProcess(receiver.url));
    const started = await api.request<{ id: string }>('POST', '/instances', {
      definitionKey: 'hook',
      params: { n: 7 },
    });
    expect(started.status).toBe(201);
    await waitUntil(
      () => receiver.arrived === 1,
      10_000,
      'the webhook to arrive',
      () => false,
    );
    expect(receiver.deliveries.size).toBe(0); // not answered yet: the worker is mid-delivery

    const asked = Date.now();
    await server.stop(SLOW_MS * 4);
    expect(server.exitCode, server.tail()).toBe(0);
    expect(Date.now() - asked).toBeGreaterThan(SLOW_MS / 2); // it waited for the far end's answer
    expect([...receiver.deliveries.values()]).toEqual([1]);
    expect(server.tail()).toContain('"msg":"stopped"');

    const db = openDatabase(database.url);
    try {
      const jobs = await db.kysely
        .selectFrom('jobs')
        .select(['kind', 'status', 'locked_by', 'locked_until', 'attempts'])
        .where('instance_id', '=', started.body.id)
        .execute();
      expect(jobs).toEqual([
        { kind: 'callWebhook', status: 'done', locked_by: null, locked_until: null, attempts: 1 },
      ]);
    } finally {
      await db.close();
    }

    // Started again, the server finds the delivery done: the far end hears nothing more.
    await server.start();
    await sleep(1_000);
    expect([...receiver.deliveries.values()]).toEqual([1]);
    expect(receiver.arrived).toBe(1);
    await server.stop();
    expect(server.exitCode).toBe(0);
  }, 60_000);
});
