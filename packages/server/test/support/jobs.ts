import type { JobHandler } from '../../src/jobs/handler.ts';
import { jobHandlers } from '../../src/jobs/handlers/index.ts';
import { claimJobs, finishJob } from '../../src/jobs/queue.ts';
import { Worker } from '../../src/jobs/worker.ts';
import type { Runtime } from '../../src/runtime/context.ts';

/**
 * Runs every job due at the runtime's `now` (timers, notifications, absence starts, events to webhooks, …;
 * never a `webhook` activity's call), again and again until none is due — what a worker would do, without
 * one running. Returns the kinds run, in order.
 */
export async function runDueJobs(rt: Runtime): Promise<string[]> {
  const handlers = new Map(
    jobHandlers({ webhookSecret: 'test' })
      .filter((h) => h.kind !== 'callWebhook')
      .map((h) => [h.kind, h]),
  );
  const ran: string[] = [];
  for (let round = 0; round < 100; round++) {
    const claimed = await claimJobs(rt.db, {
      workerId: 'test',
      kinds: [...handlers.keys()],
      limit: 100,
      lockMs: 60_000,
      now: rt.now(),
    });
    if (claimed.length === 0) return ran;
    for (const job of claimed) {
      await handlers.get(job.kind)?.run(rt, job, (trx) => finishJob(trx ?? rt.db.kysely, job, rt.now()));
      ran.push(job.kind);
    }
  }
  throw new Error('jobs keep coming after 100 rounds');
}

/** A real worker for a test: one job at a time, polling every 50 ms; the caller stops it. */
export function startTestWorker(rt: Runtime, handlers: JobHandler[], maxAttempts = 5): Worker {
  const worker = new Worker(rt, handlers, {
    id: 'w1',
    concurrency: 1,
    lockMs: 30_000,
    pollMs: 50,
    maxAttempts,
  });
  worker.start();
  return worker;
}

/** The job of `kind` an instance queued (the first by key), to run a handler on it directly. */
export const jobOf = (rt: Runtime, instanceId: string, kind: string) =>
  rt.db.kysely
    .selectFrom('jobs')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('kind', '=', kind)
    .orderBy('key')
    .executeTakeFirstOrThrow();
