import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { enqueue } from '../../src/jobs/enqueue.ts';
import { PRUNE_JOBS, pruneJob, pruneJobsHandler } from '../../src/jobs/handlers/prune-jobs.ts';
import { DIALECTS } from '../support/databases.ts';
import { runDueJobs } from '../support/jobs.ts';
import { jobsSuiteRuntime } from '../support/runtime.ts';

const DAY = 86_400_000;

/** The daily housekeeping: old delivered and cancelled jobs go, the rest stays, the next run is queued. */
describe.each(DIALECTS)('pruning finished jobs on %s', (dialect) => {
  const t = jobsSuiteRuntime(dialect);

  it('deletes delivered and cancelled jobs finished over 30 days ago, keeps the rest, and queues tomorrow’s run', async () => {
    const { db, clock } = t();
    const now = clock.now();
    const row = (key: string, status: string, finishedDaysAgo: number) => ({
      key,
      kind: 'notify',
      instance_id: 'i-1',
      payload: '{}',
      status: status as 'done',
      due_at: now - finishedDaysAgo * DAY - 1000,
      locked_by: null,
      locked_until: null,
      attempts: 1,
      last_error: null,
      created_at: now - finishedDaysAgo * DAY - 1000,
      updated_at: now - finishedDaysAgo * DAY,
    });
    await db.kysely
      .insertInto('jobs')
      .values([
        row('old-done', 'done', 31),
        row('old-cancelled', 'cancelled', 45),
        row('recent-done', 'done', 29),
        row('old-dead', 'dead', 90),
        // Created long ago, waiting for a timer still ahead.
        { ...row('old-pending', 'pending', 40), due_at: now + DAY },
        // Due long ago, delivered only yesterday after a retry: it counts from when it finished.
        { ...row('retried-done', 'done', 60), updated_at: now - DAY },
      ])
      .execute();
    await enqueue(db.kysely, [pruneJob(now)], now);
    await enqueue(db.kysely, [pruneJob(now)], now); // a second worker at the same start: still one

    expect(await runDueJobs(t().rt)).toContain(PRUNE_JOBS);

    const left = await db.kysely
      .selectFrom('jobs')
      .select(['key', 'status', 'due_at'])
      .orderBy('key')
      .execute();
    const tomorrow = (Math.floor(now / DAY) + 1) * DAY;
    expect(left.map((j) => j.key)).toEqual([
      'old-dead',
      'old-pending',
      `prune-jobs:${Math.floor(now / DAY)}`,
      `prune-jobs:${Math.floor(now / DAY) + 1}`,
      'recent-done',
      'retried-done',
    ]);
    expect(left.find((j) => j.key.endsWith(`:${Math.floor(now / DAY) + 1}`))).toMatchObject({
      status: 'pending',
      due_at: tomorrow,
    });
  });

  it('deletes a backlog larger than one batch in one run', async () => {
    const { db, clock, rt } = t();
    const now = clock.now();
    const old = now - 40 * DAY;
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      key: `backlog:${i}`,
      kind: 'timer',
      instance_id: null,
      payload: '{}',
      status: 'done' as const,
      due_at: old,
      locked_by: null,
      locked_until: null,
      attempts: 1,
      last_error: null,
      created_at: old,
      updated_at: old,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db.kysely
        .insertInto('jobs')
        .values(rows.slice(i, i + 500))
        .execute();

    await pruneJobsHandler(30).run(
      { ...rt, log: pino({ level: 'silent' }) },
      {} as never,
      async () => undefined,
    );

    const count = await db.kysely
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1); // tomorrow's run
  });
});
