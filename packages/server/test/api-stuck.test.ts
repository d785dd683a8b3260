import { beforeAll, expect, it } from 'vitest';
import { claimJobs, failJob } from '../src/jobs/queue.ts';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { addPeople } from './support/org.ts';
import { signIn } from './support/people.ts';

interface Listed {
  id: string;
  status: string;
  stuck?: boolean;
  stuckReasons?: unknown[];
}

apiSuite('stuck instances in the administrators’ list', (api) => {
  beforeAll(async () => {
    await addPeople(api(), {
      roles: ['Buyer'],
      users: [
        { id: 'ann', canSignIn: true, roles: ['Buyer'] },
        { id: 'carl' },
        { id: 'olga', roles: ['processAdministrator'], canSignIn: true },
      ],
    });
    await api().publish(fixtureJson('api/waits.json'));
    await api().publish(fixtureJson('api/notice.json'));
  });

  const list = async (query = '') => {
    const res = await api().call('GET', `/api/v1/instances?limit=200${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return new Map((res.json().items as Listed[]).map((i) => [i.id, i]));
  };

  it('a running instance whose job died is stuck, with the job as the reason', async () => {
    const healthy = await api().start('waits');
    const id = await api().start('waits');
    const { rt } = api().baton;
    // The timer's delivery fails for good (its last attempt): the queue marks it dead.
    const [job] = await claimJobs(rt.db, {
      workerId: 'test',
      kinds: ['timer'],
      limit: 1,
      lockMs: 60_000,
      now: rt.now() + 3_600_000,
    }).then((jobs) => jobs.filter((j) => j.instance_id === id || j.instance_id === healthy));
    expect(job).toBeDefined();
    if (!job) return;
    const dead = job.instance_id as string;
    await failJob(rt.db.kysely, job, 'disk full', rt.now(), 1);

    const all = await list();
    expect(all.get(dead)).toMatchObject({
      status: 'running',
      stuck: true,
      stuckReasons: [{ code: 'DEAD_JOB', jobKey: job.key, kind: 'timer', error: 'disk full' }],
    });
    const other = dead === id ? healthy : id;
    expect(all.get(other)).toMatchObject({ stuck: false, stuckReasons: [] });
    expect([...(await list('&stuck=true')).keys()]).toEqual([dead]);
    expect((await list('&stuck=false')).has(dead)).toBe(false);
  });

  it('a task handed to someone unknown, or held only by a deactivated user, makes its instance stuck', async () => {
    const ghostly = await api().start('notice', { to: 'x', reviewer: 'ann' });
    const [task] = await api().openTasks(ghostly);
    const handed = await api().call('POST', `/api/v1/tasks/${task?.id}/delegate`, { to: 'ghost' });
    expect(handed.statusCode, handed.body).toBe(200);

    const carls = await api().start('notice', { to: 'x', reviewer: 'carl' });
    const [held] = await api().openTasks(carls);
    // Deactivated outside Baton (a direct database edit): deactivating through the API would move the task.
    await api().baton.rt.db.kysely.updateTable('users').set({ active: 0 }).where('id', '=', 'carl').execute();

    const stuck = await list('&stuck=true');
    expect(stuck.get(ghostly)?.stuckReasons).toEqual([
      { code: 'NO_ACTIVE_ASSIGNEE', taskId: task?.id, assignees: ['ghost'] },
    ]);
    expect(stuck.get(carls)?.stuckReasons).toEqual([
      { code: 'NO_ACTIVE_ASSIGNEE', taskId: held?.id, assignees: ['carl'] },
    ]);
    const fine = await api().start('notice', { to: 'x', reviewer: 'ann' });
    expect((await list()).get(fine)).toMatchObject({ stuck: false });
    expect((await list('&stuck=true')).has(fine)).toBe(false);
  });

  it('a task handed to a role is not stuck: whoever holds the role may take it', async () => {
    const byRole = await api().start('notice', { to: 'x', reviewer: 'carl' });
    const [task] = await api().openTasks(byRole);
    const handed = await api().call('POST', `/api/v1/tasks/${task?.id}/delegate`, { to: 'role:Buyer' });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().assignees).toEqual(['role:Buyer']);
    expect((await list()).get(byRole)).toMatchObject({ stuck: false, stuckReasons: [] });
    expect((await list('&stuck=true')).has(byRole)).toBe(false);
  });

  it('is for those who see all work: others get no flag, and the filter is 403', async () => {
    await api().start('notice', { to: 'x', reviewer: 'ann' });
    const ann = await signIn(api().app, 'ann');
    const mine = (await ann.call('GET', '/api/v1/instances')).json().items as Listed[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.stuck === undefined)).toBe(true);
    expect((await ann.call('GET', '/api/v1/instances?stuck=true')).statusCode).toBe(403);
    const olga = await signIn(api().app, 'olga');
    expect((await olga.call('GET', '/api/v1/instances?stuck=true')).statusCode).toBe(200);
  });
});
