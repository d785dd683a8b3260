import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createDepartment, createUser, type Session, setHead, signIn } from './support/people.ts';

const HOUR = 3_600_000;

/** One task for the user named by the `doer` parameter, due in an hour. */
const errand = (key: string) => ({
  key,
  name: `Errand (${key})`,
  parameters: [{ id: 'doer', type: 'string', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'do',
      type: 'userTask',
      name: 'Do it',
      config: { kind: 'acknowledge', assignees: ['doer'], deadline: 'PT1H' },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'do' },
    { id: 'f2', source: 'do', target: 'end' },
  ],
});

const ids = (res: { json(): { items: { id: string }[] } }) =>
  res
    .json()
    .items.map((i) => i.id)
    .sort();

/**
 * The company: director heads it; Sales (head sasha: ann, bob) and Logistics (head lev: kim) sit below.
 * olga holds the owner role, petra is a process administrator. ann started I1 for bob and I3 for
 * herself; kim started I2 for himself.
 */
apiSuite('permissions', (api) => {
  const as: Record<string, Session> = {};
  const instance: Record<string, string> = {};
  const task: Record<string, string> = {};

  const startAs = async (who: string, key: string, doer: string) => {
    const res = await as[who]?.call('POST', '/api/v1/instances', { definitionKey: key, params: { doer } });
    expect(res?.statusCode, res?.body).toBe(201);
    const id = res?.json().id as string;
    const [open] = await api().openTasks(id);
    return { id, task: open?.id as string };
  };

  beforeAll(async () => {
    const a = api();
    await createDepartment(a, { id: 'company', name: 'Company' });
    await createDepartment(a, { id: 'sales', name: 'Sales', parentId: 'company' });
    await createDepartment(a, { id: 'logistics', name: 'Logistics', parentId: 'company' });
    await a.call('POST', '/api/v1/roles', { name: 'accountant' });
    for (const [id, departmentId] of [
      ['director', 'company'],
      ['sasha', 'sales'],
      ['ann', 'sales'],
      ['bob', 'sales'],
      ['lev', 'logistics'],
      ['kim', 'logistics'],
    ] as const)
      await createUser(a, { id, departmentId });
    await createUser(a, { id: 'olga', roles: [{ role: 'owner' }] });
    await createUser(a, { id: 'petra', roles: [{ role: 'processAdministrator' }] });
    await setHead(a, 'company', 'director');
    await setHead(a, 'sales', 'sasha');
    await setHead(a, 'logistics', 'lev');

    for (const key of ['errand', 'secret', 'viewonly']) await a.publish(errand(key));
    const rights = async (key: string, body: Record<string, string[]>) => {
      const res = await a.call('PUT', `/api/v1/definitions/${key}/rights`, {
        start: [],
        view: [],
        edit: [],
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await rights('secret', { start: ['user:sasha'] });
    await rights('viewonly', { start: ['role:accountant'], view: ['department:sales'] });

    for (const who of ['director', 'sasha', 'ann', 'bob', 'lev', 'kim', 'olga', 'petra'])
      as[who] = await signIn(a.app, who);
    const i1 = await startAs('ann', 'errand', 'bob');
    const i2 = await startAs('kim', 'errand', 'kim');
    const i3 = await startAs('ann', 'errand', 'ann');
    Object.assign(instance, { i1: i1.id, i2: i2.id, i3: i3.id });
    Object.assign(task, { t1: i1.task, t2: i2.task, t3: i3.task });
  });

  const user = (who: string) => as[who] as Session;

  it('shows all tasks of all employees only to administrators and the owner, with counts', async () => {
    api().clock.now += 2 * HOUR;
    const query = '/api/v1/tasks?scope=all&definitionKey=errand&status=open';
    for (const who of ['ann', 'sasha', 'petra']) {
      const res = await user(who).call('GET', query);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const owner = await user('olga').call('GET', `${query}&overdue=true`);
    expect(owner.statusCode, owner.body).toBe(200);
    expect(ids(owner)).toEqual([task.t1, task.t2, task.t3].sort());
    expect(owner.json().counts).toEqual({
      total: { tasks: 3, overdue: 3 },
      byEmployee: [
        { userId: 'ann', name: 'ann', departmentId: 'sales', tasks: 1, overdue: 1 },
        { userId: 'bob', name: 'bob', departmentId: 'sales', tasks: 1, overdue: 1 },
        { userId: 'kim', name: 'kim', departmentId: 'logistics', tasks: 1, overdue: 1 },
      ],
      byDepartment: [
        { departmentId: 'sales', name: 'Sales', tasks: 2, overdue: 2 },
        { departmentId: 'logistics', name: 'Logistics', tasks: 1, overdue: 1 },
      ],
    });
    const sales = await api().call('GET', `${query}&departmentId=sales`);
    expect(ids(sales)).toEqual([task.t1, task.t3].sort());
    expect(sales.json().counts.total).toEqual({ tasks: 2, overdue: 2 });
    const company = await api().call('GET', `${query}&departmentId=company`);
    expect(ids(company)).toHaveLength(3);
    expect(ids(await api().call('GET', `${query}&userId=kim`))).toEqual([task.t2]);
    // Without a scope the list has no counts.
    expect((await api().call('GET', '/api/v1/tasks?definitionKey=errand')).json().counts).toBeUndefined();
  });

  it("does not let employee A list, read, complete or delegate B's task: 404 each, like an unknown task", async () => {
    const ann = user('ann');
    expect(ids(await ann.call('GET', '/api/v1/tasks?definitionKey=errand'))).toEqual([task.t3]);
    const unknown = await ann.call('GET', `/api/v1/tasks/${instance.i2}:t999`);
    const answers = [
      await ann.call('GET', `/api/v1/tasks/${task.t2}`),
      await ann.call('POST', `/api/v1/tasks/${task.t2}/complete`, { variables: {} }),
      await ann.call('POST', `/api/v1/tasks/${task.t2}/delegate`, { to: 'ann' }),
      // The task of the instance ann started is bob's: hers to see on the instance card, not in the task API.
      await ann.call('GET', `/api/v1/tasks/${task.t1}`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', title: unknown.json().title });
    }
  });

  it('does not let an employee start a template without the right: 404 unseen, 403 seen', async () => {
    const ann = user('ann');
    const secret = await ann.call('POST', '/api/v1/instances', {
      definitionKey: 'secret',
      params: { doer: 'ann' },
    });
    expect(secret.statusCode).toBe(404);
    const unknown = await ann.call('POST', '/api/v1/instances', { definitionKey: 'no-such', params: {} });
    expect(secret.json().detail).toBe(unknown.json().detail.replace('no-such', 'secret'));
    const viewonly = await ann.call('POST', '/api/v1/instances', {
      definitionKey: 'viewonly',
      params: { doer: 'ann' },
    });
    expect(viewonly.statusCode).toBe(403);
    const sasha = await user('sasha').call('POST', '/api/v1/instances', {
      definitionKey: 'secret',
      params: { doer: 'sasha' },
    });
    expect(sasha.statusCode).toBe(201);
    const listed = (await ann.call('GET', '/api/v1/definitions'))
      .json()
      .items.map((d: { key: string }) => d.key);
    expect(listed).toEqual(expect.arrayContaining(['errand', 'viewonly']));
    expect(listed).not.toContain('secret');
    expect((await ann.call('GET', '/api/v1/definitions/secret')).statusCode).toBe(404);
  });

  it('hides an instance from those not part of it (404), lists only what each may see', async () => {
    const ann = user('ann');
    for (const res of [
      await ann.call('GET', `/api/v1/instances/${instance.i2}`),
      await ann.call('POST', `/api/v1/instances/${instance.i2}/terminate`, { reason: 'no' }),
      await ann.call('POST', `/api/v1/instances/${instance.i2}/retry`),
    ])
      expect(res.statusCode).toBe(404);
    const annSees = ids(await ann.call('GET', '/api/v1/instances?definitionKey=errand'));
    expect(annSees).toEqual([instance.i1, instance.i3].sort());
    // The assignee sees the instance; a stranger and another department's head do not.
    expect((await user('bob').call('GET', `/api/v1/instances/${instance.i1}`)).statusCode).toBe(200);
    expect((await user('kim').call('GET', `/api/v1/instances/${instance.i1}`)).statusCode).toBe(404);
    expect((await user('lev').call('GET', `/api/v1/instances/${instance.i1}`)).statusCode).toBe(404);
    expect((await user('sasha').call('GET', `/api/v1/instances/${instance.i1}`)).statusCode).toBe(200);
    expect((await user('director').call('GET', `/api/v1/instances/${instance.i2}`)).statusCode).toBe(200);
    // Seen but not administered: 403.
    const terminate = await ann.call('POST', `/api/v1/instances/${instance.i1}/terminate`, {
      reason: 'mine',
    });
    expect(terminate.statusCode).toBe(403);
  });

  it('lists my processes: the instances I started', async () => {
    const mine = await user('ann').call('GET', '/api/v1/instances?scope=mine');
    expect(ids(mine)).toEqual([instance.i1, instance.i3].sort());
    expect(mine.json().items.every((i: { startedBy: string }) => i.startedBy === 'ann')).toBe(true);
    expect(ids(await user('bob').call('GET', '/api/v1/instances?scope=mine'))).toEqual([]);
  });

  it('shows every instance of a template to those its view right names', async () => {
    const started = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'viewonly',
      params: { doer: 'lev' },
    });
    const id = started.json().id as string;
    expect((await user('ann').call('GET', `/api/v1/instances/${id}`)).statusCode).toBe(200);
    expect((await user('kim').call('GET', `/api/v1/instances/${id}`)).statusCode).toBe(404);
    expect((await user('olga').call('GET', `/api/v1/instances/${id}`)).statusCode).toBe(200);
  });

  it("lets a head see their subordinates' tasks but not another department's", async () => {
    const sasha = user('sasha');
    const subordinates = '/api/v1/tasks?scope=subordinates&definitionKey=errand';
    expect(ids(await sasha.call('GET', subordinates))).toEqual([task.t1, task.t3].sort());
    expect(ids(await sasha.call('GET', `${subordinates}&userId=bob`))).toEqual([task.t1]);
    expect(ids(await sasha.call('GET', `${subordinates}&userId=kim`))).toEqual([]);
    expect((await sasha.call('GET', `/api/v1/tasks/${task.t1}`)).statusCode).toBe(200);
    expect((await sasha.call('GET', `/api/v1/tasks/${task.t2}`)).statusCode).toBe(404);
    expect(ids(await user('lev').call('GET', subordinates))).toEqual([task.t2]);
    expect(ids(await user('director').call('GET', subordinates))).toEqual([task.t1, task.t2, task.t3].sort());
    expect(ids(await user('bob').call('GET', subordinates))).toEqual([]);
  });

  it('tells a head how large their team is, and who is in it', async () => {
    const teamOf = async (who: string) => (await user(who).call('GET', '/api/v1/auth/me')).json().teamSize;
    expect(await teamOf('sasha')).toBe(2);
    expect(await teamOf('director')).toBe(5);
    expect(await teamOf('bob')).toBe(0);
    const team = (await user('director').call('GET', '/api/v1/users?below=director')).json().items;
    expect(team.map((u: { id: string }) => u.id).sort()).toEqual(['ann', 'bob', 'kim', 'lev', 'sasha']);
  });

  it("lets a head hand a subordinate's task on, but not complete it", async () => {
    const { id, task: t } = await startAs('bob', 'errand', 'bob');
    const sasha = user('sasha');
    const complete = await sasha.call('POST', `/api/v1/tasks/${t}/complete`, { variables: {} });
    expect(complete.statusCode).toBe(403);
    const moved = await sasha.call('POST', `/api/v1/tasks/${t}/delegate`, { to: 'ann' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assignees).toEqual(['ann']);
    expect((await user('bob').call('GET', `/api/v1/tasks/${t}`)).statusCode).toBe(404);
    expect(ids(await user('ann').call('GET', `/api/v1/tasks?scope=mine&instanceId=${id}`))).toEqual([t]);
    const history = (await api().call('GET', `/api/v1/instances/${id}`)).json().history;
    expect(history.find((h: { type: string }) => h.type === 'task.delegated')).toMatchObject({
      actor: 'sasha',
    });
  });

  it('records the signed-in user as starter, completer and history actor; only administrators act for others', async () => {
    const bob = user('bob');
    expect(ids(await bob.call('GET', `/api/v1/tasks?scope=mine&instanceId=${instance.i1}`))).toEqual([
      task.t1,
    ]);
    const forOther = await user('ann').call('POST', `/api/v1/tasks/${task.t3}/complete`, {
      variables: {},
      actor: 'bob',
    });
    expect(forOther.statusCode).toBe(403);
    const done = await bob.call('POST', `/api/v1/tasks/${task.t1}/complete`, { variables: {} });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task).toMatchObject({ status: 'completed', completedBy: 'bob' });
    const card = (await user('ann').call('GET', `/api/v1/instances/${instance.i1}`)).json();
    expect(card).toMatchObject({ startedBy: 'ann', status: 'completed' });
    expect(card.history.find((h: { type: string }) => h.type === 'instance.started')).toMatchObject({
      actor: 'ann',
    });
    expect(card.history.find((h: { type: string }) => h.type === 'task.completed')).toMatchObject({
      actor: 'bob',
    });
    const started = await user('ann').call('POST', '/api/v1/instances', {
      definitionKey: 'errand',
      params: { doer: 'ann' },
      startedBy: 'bob',
    });
    expect(started.statusCode).toBe(403);
  });

  it('keeps templates, messages and jobs to process administrators', async () => {
    const ann = user('ann');
    const petra = user('petra');
    expect((await ann.call('PUT', '/api/v1/definitions/errand/draft', errand('errand'))).statusCode).toBe(
      403,
    );
    expect(
      (await ann.call('PUT', '/api/v1/definitions/brand-new/draft', errand('brand-new'))).statusCode,
    ).toBe(403);
    expect(
      (await ann.call('PUT', '/api/v1/definitions/secret/rights', { start: [], view: [], edit: [] }))
        .statusCode,
    ).toBe(404);
    expect((await ann.call('GET', '/api/v1/definitions/errand/rights')).json()).toMatchObject({
      explicit: false,
      start: ['everyone'],
    });
    expect((await ann.call('POST', '/api/v1/messages', { name: 'paid' })).statusCode).toBe(403);
    expect((await ann.call('GET', '/api/v1/jobs')).statusCode).toBe(403);
    expect((await petra.call('GET', '/api/v1/jobs')).statusCode).toBe(200);
    expect((await petra.call('PUT', '/api/v1/definitions/errand/draft', errand('errand'))).statusCode).toBe(
      200,
    );
    const terminated = await petra.call('POST', `/api/v1/instances/${instance.i2}/terminate`, {
      reason: 'cleanup',
    });
    expect(terminated.json()).toMatchObject({ status: 'terminated' });
    const rights = await petra.call('PUT', '/api/v1/definitions/errand/rights', {
      start: ['department:sales', 'group:nobody'],
      view: [],
      edit: ['user:ann'],
    });
    expect(rights.statusCode).toBe(422);
    expect(rights.json().errors).toEqual([{ path: 'body.start.1', message: 'no group nobody' }]);
  });

  it('gives the edit right to whom the template names', async () => {
    const set = await api().call('PUT', '/api/v1/definitions/viewonly/rights', {
      start: ['role:accountant'],
      view: ['department:sales'],
      edit: ['user:kim'],
    });
    expect(set.statusCode).toBe(200);
    expect(
      (await user('kim').call('PUT', '/api/v1/definitions/viewonly/draft', errand('viewonly'))).statusCode,
    ).toBe(200);
    expect((await user('kim').call('GET', '/api/v1/definitions/viewonly?version=draft')).statusCode).toBe(
      200,
    );
    expect((await user('ann').call('GET', '/api/v1/definitions/viewonly?version=draft')).statusCode).toBe(
      404,
    );
    expect((await user('ann').call('GET', '/api/v1/definitions/viewonly')).json().version).toBe(1);
  });

  it("lets only those with a template's edit right change its rights: 403 for the others, nothing changed", async () => {
    const before = (await api().call('GET', '/api/v1/definitions/errand/rights')).json();
    const grab = { start: ['user:ann'], view: ['user:ann'], edit: ['user:ann'] };
    const refused = await user('ann').call('PUT', '/api/v1/definitions/errand/rights', grab);
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await api().call('GET', '/api/v1/definitions/errand/rights')).json()).toEqual(before);
    // kim holds the edit right of viewonly (given above).
    const kims = await user('kim').call('PUT', '/api/v1/definitions/viewonly/rights', {
      start: ['role:accountant'],
      view: ['department:sales', 'user:kim'],
      edit: ['user:kim'],
    });
    expect(kims.statusCode, kims.body).toBe(200);
    expect(kims.json()).toMatchObject({ view: ['department:sales', 'user:kim'], updatedBy: 'kim' });
  });

  it("shows an instance to its starter's heads up the tree, though they hold no task in it", async () => {
    await api().publish(errand('crossing'));
    // ann (Sales) starts it for kim (Logistics): sasha is only the starter's head.
    const { id } = await startAs('ann', 'crossing', 'kim');
    for (const who of ['sasha', 'director', 'lev', 'kim'])
      expect((await user(who).call('GET', `/api/v1/instances/${id}`)).statusCode, who).toBe(200);
    expect(ids(await user('sasha').call('GET', '/api/v1/instances?definitionKey=crossing'))).toEqual([id]);
    expect((await user('bob').call('GET', `/api/v1/instances/${id}`)).statusCode).toBe(404);
  });

  it('shows a completed task to whoever is recorded as completing it, and to their head, though it was not theirs', async () => {
    await api().publish(errand('on-behalf'));
    const { task: t } = await startAs('ann', 'on-behalf', 'bob');
    // An administrator records kim (Logistics) as the one who did bob's task.
    const done = await api().call('POST', `/api/v1/tasks/${t}/complete`, { variables: {}, actor: 'kim' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task.completedBy).toBe('kim');

    expect((await user('kim').call('GET', `/api/v1/tasks/${t}`)).statusCode).toBe(200);
    expect((await user('lev').call('GET', `/api/v1/tasks/${t}`)).statusCode).toBe(200);
    expect(ids(await user('kim').call('GET', '/api/v1/tasks?definitionKey=on-behalf'))).toEqual([t]);
    expect((await user('ann').call('GET', `/api/v1/tasks/${t}`)).statusCode).toBe(404);
  });

  it('lets only those who may hand a task on do it: the owner sees it but gets 403, a process administrator may', async () => {
    await api().publish(errand('handover'));
    const { task: t } = await startAs('kim', 'handover', 'kim');
    expect((await user('olga').call('GET', `/api/v1/tasks/${t}`)).statusCode).toBe(200);
    const refused = await user('olga').call('POST', `/api/v1/tasks/${t}/delegate`, { to: 'lev' });
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await api().call('GET', `/api/v1/tasks/${t}`)).json().assignees).toEqual(['kim']);
    const moved = await user('petra').call('POST', `/api/v1/tasks/${t}/delegate`, { to: 'lev' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assignees).toEqual(['lev']);
  });
});
