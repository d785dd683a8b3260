import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { ApiClient, type ApiTask, inParallel, sleep, together, waitUntil } from '../support/api-client.ts';
import { BatonProcess, freePort } from '../support/baton-process.ts';
import {
  eventsPerInstance,
  instancesByStatus,
  jobsByStatus,
  repeatedCompletions,
  timerFirings,
} from '../support/history.ts';
import { approvalProcess, timerProcess } from '../support/processes.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

/**
 * The embedded default under fire: `baton serve` on a SQLite file, driven through the REST API, is
 * SIGKILLed at random moments and started again each time. Nothing may be lost or done twice.
 */
const APPROVALS = 200;
const TIMERS = 100;
const KILLS = 20;
const TOKEN = 'crash-test-token';
const SECRET = randomBytes(16).toString('hex');

describe('crash test: baton serve on SQLite, SIGKILLed under load', () => {
  let dir: string;
  let receiver: WebhookReceiver;
  let server: BatonProcess;
  let api: ApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-crash-'));
    receiver = await startWebhookReceiver({ secret: SECRET, failFirst: 0.1 });
    const port = await freePort();
    server = new BatonProcess('serve', {
      database: `sqlite:${join(dir, 'baton.db')}`,
      port,
      logFile: join(dir, 'serve.log'),
      // A restarted SQLite server frees every lock at boot; the lock only needs to outlast a webhook's 10 s
      // timeout so a slow delivery is not claimed again while in flight.
      env: { BATON_ADMIN_TOKEN: TOKEN, BATON_WEBHOOK_SECRET: SECRET, BATON_JOB_LOCK_MS: '15000' },
    });
    api = new ApiClient(`http://127.0.0.1:${port}`, TOKEN);
  });

  afterAll(async () => {
    await server?.kill();
    await receiver?.close();
    // BATON_TEST_KEEP=1 keeps the database and the server's log for a post-mortem.
    if (dir && !process.env.BATON_TEST_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  it(`${APPROVALS + TIMERS} instances, ${KILLS} SIGKILLs: every instance completes, every activation and timer once, every webhook delivered`, async () => {
    const began = Date.now();
    await server.start();
    await api.publish(approvalProcess(receiver.url));
    await api.publish(timerProcess(receiver.url));

    // Instance i starts during the server's life number ⌊i · KILLS / N⌋, so every life gets new work.
    const plan = shuffle([
      ...Array.from({ length: APPROVALS }, () => 'approval'),
      ...Array.from({ length: TIMERS }, () => 'timers'),
    ]).map((definitionKey, i, all) => ({ definitionKey, n: i, life: Math.floor((i * KILLS) / all.length) }));
    let kills = 0;
    let killing = true;
    let starting = true;
    const unexpected: string[] = [];
    const answered = new Set<string>();
    let conflicts = 0;

    const uptimes: number[] = [];
    const restarts: number[] = [];
    const killer = async (halted: () => boolean) => {
      while (kills < KILLS && !halted()) {
        const uptime = Math.floor(Math.random() * 1_200);
        uptimes.push(uptime);
        await sleep(uptime);
        await server.kill();
        kills++;
        const restarting = Date.now();
        await server.start(30_000);
        restarts.push(Date.now() - restarting);
      }
      killing = false;
    };

    const starter = async (halted: () => boolean) => {
      await inParallel(plan, 4, async ({ definitionKey, n, life }) => {
        await waitUntil(() => kills >= life, 90_000, `start ${n} in server life ${life}`, halted);
        // The key makes a start that was committed but whose answer was lost in a kill a replay, not a second instance.
        const answer = await api.persist(
          'POST',
          '/instances',
          { definitionKey, params: { n } },
          {
            'idempotency-key': `crash-${n}`,
          },
        );
        if (answer.status !== 201)
          unexpected.push(`start ${n}: ${answer.status} ${JSON.stringify(answer.body)}`);
      });
      starting = false;
    };

    const complete = async (task: ApiTask) => {
      const body = task.nodeId === 'approve' ? { outcome: 'approved', variables: {} } : { variables: {} };
      const answer = await api.persist('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, body);
      // 409: a completion committed just before a kill (its answer lost) and sent again.
      if (answer.status === 409) conflicts++;
      else if (answer.status !== 200)
        unexpected.push(`complete ${task.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
      answered.add(task.id);
    };

    const completer = async (halted: () => boolean) => {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline && !halted()) {
        const open = (await api.openTasks('approval')).filter((t) => !answered.has(t.id));
        if (open.length > 0) await inParallel(open, 8, complete);
        else if (!starting && !killing && (await settled())) return;
        else await sleep(100);
      }
      if (!halted()) throw new Error('instances or jobs still pending 120 s into the test');
    };

    // Done when no instance runs (or failed) and the outbox is empty: webhooks go out after their step.
    const settled = async () => {
      for (const path of ['/instances?status=running', '/instances?status=failed', '/jobs?status=pending']) {
        const page = await api.persist<{ items: unknown[] }>('GET', `${path}&limit=1`);
        if (page.body.items.length > 0) return false;
      }
      return true;
    };

    await together(killer, starter, completer);
    const seconds = (Date.now() - began) / 1000;
    await server.stop();

    const db = openDatabase(`sqlite:${join(dir, 'baton.db')}`);
    try {
      const k = db.kysely;
      const hooks = await k
        .selectFrom('jobs')
        .select(['key', 'status'])
        .where('kind', '=', 'callWebhook')
        .execute();
      const duplicates = [...receiver.deliveries.values()].reduce((sum, n) => sum + n - 1, 0);
      console.log(
        `crash test: ${kills} SIGKILLs (after ${uptimes.join(', ')} ms up), ${server.starts} starts ` +
          `(restart to healthy: median ${median(restarts)} ms, max ${Math.max(...restarts)} ms), ` +
          `${plan.length} instances in ${seconds.toFixed(1)} s; ${api.retries} requests resent, ` +
          `${conflicts} completions answered 409 after a restart; webhooks: ${hooks.length} keys, ` +
          `${duplicates} duplicate deliveries, ${receiver.failed} answered 503 on purpose and retried`,
      );

      expect(unexpected).toEqual([]);
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      expect(await instancesByStatus(k)).toEqual({ completed: APPROVALS + TIMERS });
      const ends = await eventsPerInstance(k, 'instance.completed');
      expect(ends.size).toBe(APPROVALS + TIMERS);
      expect([...ends].filter(([, n]) => n !== 1)).toEqual([]);
      expect(await repeatedCompletions(k)).toEqual([]);

      const fired = await timerFirings(k);
      expect(fired.size).toBe(2 * TIMERS);
      expect([...fired].filter(([, n]) => n !== 1)).toEqual([]);

      expect(hooks).toHaveLength(APPROVALS + TIMERS);
      expect(hooks.filter((h) => h.status !== 'done')).toEqual([]);
      expect(hooks.filter((h) => !receiver.deliveries.has(h.key))).toEqual([]);
      expect(receiver.deliveries.size).toBe(hooks.length);
      expect(receiver.refused).toBe(0);

      const jobs = await jobsByStatus(k);
      expect(Object.keys(jobs).filter((s) => s !== 'done' && s !== 'cancelled')).toEqual([]);
      const open = await k.selectFrom('tasks').select('id').where('status', '=', 'open').execute();
      expect(open).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
