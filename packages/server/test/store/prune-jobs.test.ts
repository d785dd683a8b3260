import { describe, expect, it } from 'vitest';
import { pruneFinishedJobs, startPruning } from '../../src/jobs/prune.ts';
import { DIALECTS } from '../support/databases.ts';
import { jobsSuiteRuntime } from '../support/runtime.ts';

const DAY = 86_400_000;

/** The housekeeping of the job table: old delivered and cancelled jobs go, the rest stays. */
describe.each(DIALECTS)('pruning finished jobs on %s', (dialect) => {
  const t = jobsSuiteRuntime(dialect);

  const job = (key: string, status: string, finishedDaysAgo: number) => {
    const finished = t().clock.now() - finishedDaysAgo * DAY;
    return {
      key,
      kind: 'notify',
      instance_id: 'i-1',
      payload: '{}',
      status: status as 'done',
      due_at: finished - 1000,
      locked_by: null,
      locked_until: null,
      attempts: 1,
      last_error: null,
      created_at: finished - 1000,
      updated_at: finished,
    };
  };
  const keys = async () =>
    (await t().db.kysely.selectFrom('jobs').select('key').orderBy('key').execute()).map((j) => j.key);

  it('deletes delivered and cancelled jobs finished over the retention ago, and keeps the rest', async () => {
    await t()
      .db.kysely.insertInto('jobs')
      .values([
        job('old-done', 'done', 31),
        job('old-cancelled', 'cancelled', 45),
        job('recent-done', 'done', 29),
        job('old-dead', 'dead', 90),
        job('old-pending', 'pending', 40),
        // Due long ago, delivered only yesterday after a retry: it counts from when it finished.
        { ...job('retried-done', 'done', 60), updated_at: t().clock.now() - DAY },
      ])
      .execute();

    expect(await pruneFinishedJobs(t().rt, 30)).toBe(2);
    expect(await keys()).toEqual(['old-dead', 'old-pending', 'recent-done', 'retried-done']);
  });

  it('deletes a backlog larger than one batch in one run', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => job(`backlog:${i}`, 'done', 40));
    for (let i = 0; i < rows.length; i += 500)
      await t()
        .db.kysely.insertInto('jobs')
        .values(rows.slice(i, i + 500))
        .execute();

    expect(await pruneFinishedJobs(t().rt, 30)).toBe(2500);
    expect(await keys()).toEqual([]);
  });

  it('a worker process prunes as it starts, and stops after the run in progress', async () => {
    await t()
      .db.kysely.insertInto('jobs')
      .values([job('old-done', 'done', 31), job('new-done', 'done', 1)])
      .execute();

    const stop = startPruning(t().rt, 30);
    await expect.poll(keys).toEqual(['new-done']);
    await stop();
  });
});
