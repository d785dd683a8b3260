import { beforeAll, expect, it } from 'vitest';
import { feedHandler } from '../src/feed/publish.ts';
import { type Api, apiSuite } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { signIn } from './support/people.ts';

/** Announces a new employee to everyone, and their salary to HR and their head. */
const onboarding = {
  key: 'onboarding-feed',
  name: 'Onboarding',
  parameters: [{ id: 'who', type: 'string', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'hello',
      type: 'publishFeed',
      config: { title: 'Welcome {{ who }}', text: '{{ who }} joins us today.' },
    },
    {
      id: 'salary',
      type: 'publishFeed',
      config: { title: 'Salary of {{ who }}', text: 'Set the salary.', to: ["'role:hr'", "'boris'"] },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'hello' },
    { id: 'f2', source: 'hello', target: 'salary' },
    { id: 'f3', source: 'salary', target: 'end' },
  ],
};

const titles = async (
  call: Api['call'] | ((m: 'GET', u: string) => ReturnType<Api['call']>),
  url = '/api/v1/feed',
) => {
  const res = await call('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { title: string }[]).map((p) => p.title);
};

apiSuite('the activity feed', (api) => {
  beforeAll(async () => {
    await addPeople(api(), {
      roles: ['hr'],
      departments: [{ id: 'company', head: 'boris' }],
      users: [
        { id: 'boris', departmentId: 'company', canSignIn: true },
        { id: 'hanna', departmentId: 'company', roles: ['hr'], canSignIn: true },
        { id: 'ivan', departmentId: 'company', canSignIn: true },
      ],
    });
    await api().publish(onboarding);
  });

  it('shows a post to everyone to all, and one to some people only to them', async () => {
    const a = api();
    const id = await a.start(onboarding.key, { who: 'Pavel' });
    expect(await runDueJobs(a.baton.rt)).toEqual(['publishFeed', 'publishFeed']);

    const ivan = await signIn(a.app, 'ivan');
    const hanna = await signIn(a.app, 'hanna');
    const boris = await signIn(a.app, 'boris');
    // Both were posted by one run of the jobs, at the same moment: compared in any order.
    const both = ['Salary of Pavel', 'Welcome Pavel'];
    expect(await titles(ivan.call)).toEqual(['Welcome Pavel']);
    expect((await titles(hanna.call)).sort()).toEqual(both);
    expect((await titles(boris.call)).sort()).toEqual(both);
    // Ivan reads the welcome but takes no part in the process: no way into it.
    expect((await ivan.call('GET', '/api/v1/feed')).json().items[0].instanceId).toBeNull();
    // Administrators see all work, the feed included, and may open the process.
    expect((await titles(a.call)).sort()).toEqual(both);
    expect((await a.call('GET', '/api/v1/feed')).json().items[0].instanceId).toBe(id);

    const salary = (await hanna.call('GET', '/api/v1/feed'))
      .json()
      .items.find((p: { nodeId: string }) => p.nodeId === 'salary');
    expect(salary).toEqual({
      id: expect.any(String),
      title: 'Salary of Pavel',
      text: 'Set the salary.',
      everyone: false,
      instanceId: null, // Hanna is told, but takes no part in the process
      definitionKey: onboarding.key,
      startedBy: 'admin',
      nodeId: 'salary',
      createdAt: new Date(a.clock.now).toISOString(),
    });
  });

  it('pages newest first, and refuses a cursor it did not issue', async () => {
    const a = api();
    for (const who of ['A', 'B', 'C']) {
      a.clock.now += 1000;
      await a.start(onboarding.key, { who });
      await runDueJobs(a.baton.rt);
    }
    const ivan = await signIn(a.app, 'ivan');
    const first = (await ivan.call('GET', '/api/v1/feed?limit=2')).json();
    expect(first.items.map((p: { title: string }) => p.title)).toEqual(['Welcome C', 'Welcome B']);
    const second = await titles(ivan.call, `/api/v1/feed?limit=2&cursor=${first.nextCursor}`);
    expect(second).toEqual(['Welcome A', 'Welcome Pavel']);
    const bad = await ivan.call('GET', '/api/v1/feed?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('posts once when its job runs twice', async () => {
    const a = api();
    const id = await a.start(onboarding.key, { who: 'Twice' });
    const job = await a.baton.rt.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('instance_id', '=', id)
      .where('kind', '=', 'publishFeed')
      .orderBy('key')
      .executeTakeFirstOrThrow();
    for (let run = 0; run < 2; run++) await feedHandler.run(a.baton.rt, job, async () => undefined);
    const posts = await a.baton.rt.db.kysely
      .selectFrom('feed_posts')
      .select('id')
      .where('job_key', '=', job.key)
      .execute();
    expect(posts).toHaveLength(1);
  });
});
