import { describe, expect, it } from 'vitest';
import { enqueue, type NewJob } from '../../src/jobs/enqueue.ts';
import { claimJobs, failJob, finishJob, type Job, nextDueAt } from '../../src/jobs/queue.ts';
import { retryJob } from '../../src/jobs/service.ts';
import { DIALECTS } from '../support/databases.ts';
import { jobsSuiteRuntime } from '../support/runtime.ts';

const LOCK_MS = 30_000;

describe.each(DIALECTS)('job queue on %s', (dialect) => {
  const t = jobsSuiteRuntime(dialect);

  const job = (key: string, dueIn = 0, payload: unknown = { key }): NewJob => ({
    kind: 'log',
    key,
    instanceId: null,
    payload,
    dueAt: t().clock.now() + dueIn,
  });
  const claim = (workerId: string, limit = 100, now = t().clock.now()) =>
    claimJobs(t().db, { workerId, kinds: ['log'], limit, lockMs: LOCK_MS, now });
  const row = (key: string) =>
    t().db.kysely.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  const keys = (jobs: Job[]) => jobs.map((j) => j.key).sort();

  it('enqueueing the same key again keeps the first job', async () => {
    await enqueue(t().db.kysely, [job('k1', 0, { first: true })], t().clock.now());

    await enqueue(t().db.kysely, [job('k1', 5_000, { first: false }), job('k2')], t().clock.now());

    const rows = await t().db.kysely.selectFrom('jobs').selectAll().orderBy('key').execute();
    expect(rows.map((r) => r.key)).toEqual(['k1', 'k2']);
    expect(rows[0]).toMatchObject({
      payload: JSON.stringify({ first: true }),
      due_at: t().clock.now(),
      attempts: 0,
    });
  });

  it('claims only jobs that are due, and only the kinds asked for', async () => {
    await enqueue(
      t().db.kysely,
      [job('past', -1), job('now', 0), job('later', 1), { ...job('other-kind'), kind: 'timer' }],
      t().clock.now(),
    );

    const claimed = await claim('w1');

    expect(keys(claimed)).toEqual(['now', 'past']);
    expect(claimed[0]).toMatchObject({
      locked_by: 'w1',
      locked_until: t().clock.now() + LOCK_MS,
      attempts: 1,
    });
  });

  it('a claimed job is invisible to another claimer until its lock expires', async () => {
    await enqueue(t().db.kysely, [job('j')], t().clock.now());
    expect(keys(await claim('w1'))).toEqual(['j']);

    expect(await claim('w2', 100, t().clock.now() + LOCK_MS - 1)).toEqual([]);
    const taken = await claim('w2', 100, t().clock.now() + LOCK_MS + 1);

    expect(taken).toMatchObject([{ key: 'j', locked_by: 'w2', attempts: 2 }]);
  });

  it('a finished job is not claimed again, even once its lock would have expired', async () => {
    await enqueue(t().db.kysely, [job('j')], t().clock.now());
    const [claimed] = await claim('w1');
    if (!claimed) throw new Error('nothing claimed');

    await finishJob(t().db.kysely, claimed, t().clock.now());

    expect(await claim('w2', 100, t().clock.now() + LOCK_MS + 1)).toEqual([]);
    expect(await row('j')).toMatchObject({ status: 'done', locked_by: null, locked_until: null });
  });

  it('each failure doubles the back-off; the job is dead after maxAttempts', async () => {
    const maxAttempts = 4;
    await enqueue(t().db.kysely, [job('flaky')], t().clock.now());
    const delays: number[] = [];

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const [claimed] = await claim('w1');
      expect(claimed).toMatchObject({ key: 'flaky', attempts: attempt });
      if (!claimed) break;
      await failJob(t().db.kysely, claimed, `boom ${attempt}`, t().clock.now(), maxAttempts);
      const after = await row('flaky');
      if (after.status === 'dead') break;
      delays.push(after.due_at - t().clock.now());
      expect(await claim('w1')).toEqual([]);
      t().clock.advance(after.due_at - t().clock.now());
    }

    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(await row('flaky')).toMatchObject({
      status: 'dead',
      attempts: maxAttempts,
      last_error: 'boom 4',
      locked_by: null,
    });
    t().clock.advance(3_600_000);
    expect(await claim('w1')).toEqual([]);
  });

  it('a dead job retried (POST /jobs/{key}/retry) is pending again from attempt zero, due now', async () => {
    await enqueue(t().db.kysely, [job('doomed')], t().clock.now());
    const [claimed] = await claim('w1');
    if (!claimed) throw new Error('nothing claimed');
    await failJob(t().db.kysely, claimed, 'gone for good', t().clock.now(), 1);
    expect(await row('doomed')).toMatchObject({ status: 'dead', attempts: 1 });
    t().clock.advance(60_000);

    const view = await retryJob(t().rt, 'doomed');

    expect(view).toMatchObject({ key: 'doomed', status: 'pending', attempts: 0 });
    expect(await row('doomed')).toMatchObject({
      status: 'pending',
      attempts: 0,
      due_at: t().clock.now(),
      locked_by: null,
    });
    expect(await claim('w2')).toMatchObject([{ key: 'doomed', attempts: 1, locked_by: 'w2' }]);
    await expect(retryJob(t().rt, 'doomed')).rejects.toMatchObject({ statusCode: 409, code: 'JOB_NOT_DEAD' });
  });

  it('a worker sleeps until a locked job comes free, not until its due time that has passed', async () => {
    await enqueue(t().db.kysely, [job('held', -5_000), job('later', 60_000)], t().clock.now());
    await claim('w1', 1);

    // Waking at the past due time would claim nothing, look again, and spin until the lock expires.
    expect(await nextDueAt(t().db, ['log'])).toBe(t().clock.now() + LOCK_MS);
    expect(await nextDueAt(t().db, ['timer'])).toBeNull();
  });

  // Claimers racing for real needs two connections at once: PostgreSQL, where FOR UPDATE SKIP LOCKED
  // keeps them apart. (SQLite has one writer at a time.)
  if (dialect !== 'postgres') return;

  it('claimers running at once get disjoint sets and, together, every job exactly once', async () => {
    const total = 400;
    await enqueue(
      t().db.kysely,
      Array.from({ length: total }, (_, i) => job(`j${String(i).padStart(3, '0')}`)),
      t().clock.now(),
    );
    const second = await t().openSecond();
    const byWorker = new Map<string, string[]>();

    // Rounds of four claimers at once, on two pools, until the queue is empty.
    for (let round = 0; round < 50; round++) {
      const claims = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map((w, i) =>
          claimJobs(i % 2 === 0 ? t().db : second.db, {
            workerId: w,
            kinds: ['log'],
            limit: 25,
            lockMs: LOCK_MS,
            now: t().clock.now(),
          }).then((jobs) => ({ w, jobs })),
        ),
      );
      for (const { w, jobs } of claims)
        byWorker.set(w, [...(byWorker.get(w) ?? []), ...jobs.map((j) => j.key)]);
      if (claims.every((c) => c.jobs.length === 0)) break;
    }

    const all = [...byWorker.values()].flat();
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    const rows = await t().db.kysely.selectFrom('jobs').select(['attempts', 'locked_by']).execute();
    expect(rows.every((r) => r.attempts === 1 && r.locked_by !== null)).toBe(true);
    // Every claimer got some: they ran side by side rather than one after another.
    expect([...byWorker.values()].every((k) => k.length > 0)).toBe(true);
  });
});
