import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { ApiClient, type ApiTask, inParallel, sleep, together, waitUntil } from '../support/api-client.ts';
import { BatonProcess, freePort } from '../support/baton-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import {
  eventsPerInstance,
  instancesByStatus,
  jobsByStatus,
  repeatedCompletions,
  timerFirings,
} from '../support/history.ts';
import { clusterProcess } from '../support/processes.ts';

/**
 * Many machines on one PostgreSQL: an API process without a worker (`BATON_WORKER=0 baton serve`) and
 * three `baton worker` processes. Instances with a one-second timer and three parallel tasks are
 * completed by concurrent clients while one worker is SIGKILLed; its locked jobs must come free and
 * be done by the others, exactly once.
 */
const INSTANCES = 1_000;
const CLIENTS = 16;
const WORKERS = 3;
const TOKEN = 'cluster-test-token';
const LOCK_MS = 3_000;

describe('cluster test: 1 API process and 3 workers on PostgreSQL, one worker SIGKILLed', () => {
  let dir: string;
  let database: TestDatabase;
  let apiProcess: BatonProcess;
  let workers: BatonProcess[] = [];
  let api: ApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-cluster-'));
    database = await createTestDatabase('postgres');
    const env = { BATON_ADMIN_TOKEN: TOKEN, BATON_JOB_LOCK_MS: String(LOCK_MS), BATON_DB_POOL: '8' };
    const port = await freePort();
    apiProcess = new BatonProcess('serve', {
      database: database.url,
      port,
      logFile: join(dir, 'api.log'),
      env: { ...env, BATON_WORKER: '0' },
    });
    workers = Array.from(
      { length: WORKERS },
      (_, i) =>
        new BatonProcess('worker', { database: database.url, logFile: join(dir, `worker-${i}.log`), env }),
    );
    api = new ApiClient(`http://127.0.0.1:${port}`, TOKEN);
  });

  afterAll(async () => {
    await Promise.allSettled([apiProcess, ...workers].map((p) => p?.kill()));
    // BATON_TEST_KEEP=1 keeps the database and the processes' logs for a post-mortem.
    if (process.env.BATON_TEST_KEEP) return;
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`${INSTANCES} instances with a timer and three parallel tasks, ${CLIENTS} clients: everything completes exactly once`, async () => {
    const began = Date.now();
    await apiProcess.start(30_000);
    for (const w of workers) await w.start();
    await api.publish(clusterProcess);

    const unexpected: string[] = [];
    const taken = new Set<string>();
    let started = 0;
    let victim = null as { pid: number | undefined; orphans: string[]; atStarted: number } | null;

    const starter = async (halted: () => boolean) => {
      await inParallel(
        Array.from({ length: INSTANCES }, (_, n) => n),
        CLIENTS / 2,
        async (n) => {
          if (halted()) return;
          const answer = await api.persist(
            'POST',
            '/instances',
            { definitionKey: 'cluster', params: {} },
            {
              'idempotency-key': `cluster-${n}`,
            },
          );
          if (answer.status !== 201)
            unexpected.push(`start ${n}: ${answer.status} ${JSON.stringify(answer.body)}`);
          started++;
        },
      );
    };

    // Mid-run — half the instances started, their timers firing — a worker dies holding jobs: it is frozen
    // (SIGSTOP) when it holds some, so what it holds cannot change, then SIGKILLed.
    const killer = async (db: Db, halted: () => boolean) => {
      await waitUntil(() => started >= INSTANCES / 2, 60_000, 'half the instances started', halted);
      const heldBy = async (w: BatonProcess) =>
        (
          await db.kysely
            .selectFrom('jobs')
            .select('key')
            .where('status', '=', 'pending')
            .where('locked_by', 'like', `%:${w.pid}:%`)
            .execute()
        ).map((j) => j.key);
      for (const until = Date.now() + 20_000; Date.now() < until && !halted(); await sleep(5)) {
        for (const w of workers) {
          if ((await heldBy(w)).length === 0) continue;
          w.pause();
          // A COMMIT the worker sent just before it froze still lands in PostgreSQL: let it, so what
          // it holds is read after its last transaction has ended.
          await sleep(250);
          const held = await heldBy(w);
          if (held.length === 0) {
            w.resume();
            continue;
          }
          await w.kill();
          victim = { pid: w.pid, orphans: held, atStarted: started };
          return;
        }
      }
      throw new Error('no worker held a job to die with');
    };

    const completer = async (db: Db, halted: () => boolean) => {
      const deadline = Date.now() + 80_000;
      while (Date.now() < deadline) {
        if (halted()) return;
        const open = (await api.openTasks('cluster')).filter((t) => !taken.has(t.id));
        for (const t of open) taken.add(t.id);
        if (open.length > 0) await inParallel(open, CLIENTS, complete);
        else if (started === INSTANCES && (await allEnded(db))) return;
        else await sleep(200);
      }
      throw new Error(
        `instances still running after 80 s: ${JSON.stringify(await instancesByStatus(db.kysely))}`,
      );
    };

    const complete = async (task: ApiTask) => {
      const answer = await api.persist('POST', `/tasks/${encodeURIComponent(task.id)}/complete`, {
        variables: {},
      });
      if (answer.status !== 200)
        unexpected.push(`complete ${task.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };

    const db = openDatabase(database.url);
    try {
      await together(
        starter,
        (halted) => killer(db, halted),
        (halted) => completer(db, halted),
      );
      const seconds = (Date.now() - began) / 1000;
      const k = db.kysely;
      const locked = await k
        .selectFrom('jobs')
        .select(['key', 'status', 'locked_by'])
        .where((eb) => eb.or([eb('status', '=', 'pending'), eb('locked_by', 'is not', null)]))
        .execute();
      console.log(
        `cluster test: ${INSTANCES} instances, ${taken.size} tasks completed by ${CLIENTS} clients through ` +
          `1 API process and ${WORKERS} workers in ${seconds.toFixed(1)} s; worker pid ${victim?.pid} ` +
          `SIGKILLed after ${victim?.atStarted} starts, leaving ${victim?.orphans.length} locked jobs behind`,
      );

      expect(unexpected).toEqual([]);
      expect(victim).not.toBeNull();
      // What the dead worker had claimed was claimed again by another once its lock expired, and done.
      const orphans = victim?.orphans ?? [];
      if (orphans.length > 0) {
        const retaken = await k
          .selectFrom('jobs')
          .select(['status', 'attempts'])
          .where('key', 'in', orphans)
          .execute();
        expect(retaken.filter((j) => j.status !== 'done' || j.attempts < 2)).toEqual([]);
      }
      expect(await instancesByStatus(k)).toEqual({ completed: INSTANCES });
      const ends = await eventsPerInstance(k, 'instance.completed');
      expect(ends.size).toBe(INSTANCES);
      expect([...ends].filter(([, n]) => n !== 1)).toEqual([]);
      expect(await repeatedCompletions(k)).toEqual([]);
      const fired = await timerFirings(k);
      expect(fired.size).toBe(INSTANCES);
      expect([...fired].filter(([, n]) => n !== 1)).toEqual([]);
      expect(await jobsByStatus(k)).toEqual({ done: INSTANCES });
      expect(locked).toEqual([]);
      const tasks = await k
        .selectFrom('tasks')
        .select(['status', sql<number>`count(*)`.as('n')])
        .groupBy('status')
        .execute();
      expect(tasks.map((t) => [t.status, Number(t.n)])).toEqual([['completed', 3 * INSTANCES]]);
    } finally {
      await db.close();
    }
  }, 150_000);
});

async function allEnded(db: Db): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('instances')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '!=', 'completed')
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
