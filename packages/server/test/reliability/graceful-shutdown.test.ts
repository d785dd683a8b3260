import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Dialect, openDatabase } from '../../src/db/database.ts';
import { ApiClient, sleep, waitUntil } from '../support/api-client.ts';
import { BatonProcess, freePort } from '../support/baton-process.ts';
import { createTestDatabase } from '../support/databases.ts';
import { webhookProcess } from '../support/processes.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

const TOKEN = 'graceful-shutdown-token';
const SECRET = randomBytes(16).toString('hex');
/** The far end answers this long after a delivery arrives: the shutdown lands in the middle of it. */
const SLOW_MS = 1_500;

/**
 * A process running jobs, told to stop (SIGTERM) while it delivers a webhook: it finishes the delivery,
 * records it, frees its locks and exits 0 — started again, it has nothing left to send.
 */
describe('graceful shutdown in the middle of a webhook delivery', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.each([
    ['baton serve on SQLite', 'sqlite', 'serve'],
    ['baton serve on PostgreSQL', 'postgres', 'serve'],
    ['a baton worker of a PostgreSQL cluster', 'postgres', 'worker'],
  ] as const)(
    '%s finishes it, leaves the job done and unlocked, exits 0, and sends nothing twice',
    async (_, dialect: Dialect, stopped) => {
      const dir = mkdtempSync(join(tmpdir(), 'baton-shutdown-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const database = await createTestDatabase(dialect);
      cleanups.push(() => database.drop());
      const receiver = await startWebhookReceiver({ secret: SECRET, delayMs: SLOW_MS });
      cleanups.push(() => receiver.close());
      const port = await freePort();
      const env = { BATON_ADMIN_TOKEN: TOKEN, BATON_WEBHOOK_SECRET: SECRET, BATON_LOG_LEVEL: 'info' };
      const server = new BatonProcess('serve', {
        database: database.url,
        port,
        logFile: join(dir, 'serve.log'),
        env: stopped === 'worker' ? { ...env, BATON_WORKER: '0' } : env,
      });
      cleanups.push(() => server.kill());
      await server.start();
      let runner = server;
      if (stopped === 'worker') {
        runner = new BatonProcess('worker', {
          database: database.url,
          logFile: join(dir, 'worker.log'),
          env,
        });
        cleanups.push(() => runner.kill());
        await runner.start();
      }
      const api = new ApiClient(`http://127.0.0.1:${port}`, TOKEN);
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
      expect(receiver.deliveries.size).toBe(0); // not answered yet: the delivery is in flight

      const asked = Date.now();
      await runner.stop(SLOW_MS * 4);
      expect(runner.exitCode, runner.tail()).toBe(0);
      expect(Date.now() - asked).toBeGreaterThan(SLOW_MS / 2); // it waited for the far end's answer
      expect([...receiver.deliveries.values()]).toEqual([1]);
      expect(runner.tail()).toContain('"msg":"stopped"');

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

      // Started again, it finds the delivery done: the far end hears nothing more.
      await runner.start();
      // A worker has no /health: it is up once it says so (its second life's line).
      const lives = () => runner.tail(200).split('"msg":"worker started"').length - 1;
      if (stopped === 'worker')
        await waitUntil(
          () => lives() === 2,
          20_000,
          'the worker to start',
          () => false,
        );
      await sleep(1_000);
      expect(receiver.arrived).toBe(1);
      await runner.stop();
      expect(runner.exitCode).toBe(0);
    },
    60_000,
  );
});
