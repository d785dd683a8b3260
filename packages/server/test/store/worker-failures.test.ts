import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/jobs/enqueue.ts';
import type { JobHandler } from '../../src/jobs/handler.ts';
import { PermanentFailure } from '../../src/jobs/handlers/webhook.ts';
import { Worker } from '../../src/jobs/worker.ts';
import { DIALECTS } from '../support/databases.ts';
import { jobsSuiteRuntime } from '../support/runtime.ts';

const MAX_ATTEMPTS = 3;

/** What the handler does on each run of a job, in order; once the script runs out, it succeeds. */
type Outcome = 'throw' | 'refuse' | 'succeed';

/**
 * A real Worker claiming from the real queue, running a handler that fails on cue: the failures must
 * end up in the job's row (attempts, last error, back-off, dead) exactly as the queue promises.
 */
describe.each(DIALECTS)('a worker whose handler fails, on %s', (dialect) => {
  let worker: Worker | undefined;
  const script = new Map<string, Outcome[]>();
  /** The key of every job run, in order. */
  const runs: string[] = [];

  const flaky: JobHandler = {
    kind: 'flaky',
    async run(_rt, job, finish) {
      runs.push(job.key);
      const outcome = script.get(job.key)?.shift() ?? 'succeed';
      if (outcome === 'throw') throw new Error(`boom ${job.attempts}`);
      if (outcome === 'refuse') throw new PermanentFailure(`refused ${job.attempts}`);
      await finish();
    },
  };

  const t = jobsSuiteRuntime(dialect);
  beforeEach(() => {
    script.clear();
    runs.length = 0;
    worker = new Worker(t().rt, [flaky], {
      id: 'w1',
      concurrency: 1,
      lockMs: 30_000,
      pollMs: 50,
      maxAttempts: MAX_ATTEMPTS,
    });
    worker.start();
  });
  afterEach(async () => {
    await worker?.stop();
  });

  const add = async (key: string, outcomes: Outcome[]) => {
    script.set(key, outcomes);
    await enqueue(
      t().db.kysely,
      [{ kind: 'flaky', key, instanceId: null, payload: {}, dueAt: t().clock.now() }],
      t().clock.now(),
    );
    worker?.wake();
  };
  const row = (key: string) =>
    t().db.kysely.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  /** Moves the clock to when `key` is due again and wakes the worker. */
  const untilDue = async (key: string) => {
    t().clock.advance((await row(key)).due_at - t().clock.now());
    worker?.wake();
  };
  /** Proves the worker went past `key`: a job enqueued after it, due later, is run to the end. */
  const runAnotherJob = async () => {
    t().clock.advance(3_600_000);
    await add('afterwards', ['succeed']);
    await expect.poll(async () => (await row('afterwards')).status).toBe('done');
  };

  it('a handler that throws leaves the job pending and unlocked, the attempt counted, the error recorded, due after the back-off', async () => {
    await add('j', ['throw', 'throw']);

    await expect.poll(() => row('j')).toMatchObject({ last_error: 'boom 1', locked_by: null });
    expect(await row('j')).toMatchObject({
      status: 'pending',
      attempts: 1,
      due_at: t().clock.now() + 1_000,
      locked_until: null,
    });

    await untilDue('j');
    await expect.poll(() => row('j')).toMatchObject({ last_error: 'boom 2', locked_by: null });
    expect(await row('j')).toMatchObject({
      status: 'pending',
      attempts: 2,
      due_at: t().clock.now() + 2_000,
      locked_until: null,
    });
  });

  it('a failed job runs again once its back-off has passed, and is done when the handler then succeeds', async () => {
    await add('j', ['throw', 'succeed']);
    await expect.poll(() => row('j')).toMatchObject({ last_error: 'boom 1', locked_by: null });

    await untilDue('j');

    await expect.poll(() => row('j')).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    expect(runs).toEqual(['j', 'j']);
  });

  it('after maxAttempts failures the job is dead with its last error, and is not run again', async () => {
    await add('j', ['throw', 'throw', 'throw']);
    await expect.poll(() => row('j')).toMatchObject({ last_error: 'boom 1', locked_by: null });
    await untilDue('j');
    await expect.poll(() => row('j')).toMatchObject({ last_error: 'boom 2', locked_by: null });
    const dueBefore = (await row('j')).due_at;
    await untilDue('j');

    await expect.poll(() => row('j')).toMatchObject({ last_error: 'boom 3', locked_by: null });
    expect(await row('j')).toMatchObject({
      status: 'dead',
      attempts: MAX_ATTEMPTS,
      due_at: dueBefore,
      locked_until: null,
    });

    await runAnotherJob();
    expect(runs).toEqual(['j', 'j', 'j', 'afterwards']);
  });

  it('a PermanentFailure makes the job dead at its first failure, and it is not run again', async () => {
    await add('j', ['refuse']);
    const dueAt = t().clock.now();

    await expect.poll(() => row('j')).toMatchObject({ last_error: 'refused 1', locked_by: null });
    expect(await row('j')).toMatchObject({ status: 'dead', attempts: 1, due_at: dueAt, locked_until: null });

    await runAnotherJob();
    expect(runs).toEqual(['j', 'afterwards']);
  });
});
