import { beforeAll, expect, it } from 'vitest';
import { type Api, apiSuite, fixtureJson } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople, type OpenTask, tasksOf } from './support/org.ts';

const HOUR = 3_600_000;

/**
 * company (head vera) ⊃ sales (head boris): ivan and petr in sales; 20 staff s01…s20 (role staff) and
 * five board members b1…b5 (role board) in sales; olga the process administrator.
 */
async function organisation(api: Api): Promise<void> {
  const staff = Array.from({ length: 20 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
  await addPeople(api, {
    roles: ['staff', 'board'],
    departments: [
      { id: 'company', head: 'vera' },
      { id: 'sales', parentId: 'company', head: 'boris' },
    ],
    users: [
      { id: 'vera', departmentId: 'company' },
      { id: 'boris', departmentId: 'sales' },
      { id: 'ivan', departmentId: 'sales' },
      { id: 'petr', departmentId: 'sales' },
      { id: 'olga', roles: ['processAdministrator'] },
      ...staff.map((id) => ({ id, departmentId: 'sales', roles: ['staff'] })),
      ...['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => ({ id, departmentId: 'sales', roles: ['board'] })),
    ],
  });
}

/** The in-app notifications an instance sent, by recipient. */
const notificationsOf = (api: Api, instanceId: string) =>
  api.baton.rt.db.kysely
    .selectFrom('notifications')
    .select(['recipient', 'text'])
    .where('instance_id', '=', instanceId)
    .orderBy('recipient')
    .execute();

const complete = (api: Api, task: OpenTask, actor: string, body: Record<string, unknown> = {}) =>
  api.call('POST', `/api/v1/tasks/${task.id}/complete`, { actor, ...body });

apiSuite('people tasks end to end', (api) => {
  beforeAll(async () => {
    await organisation(api());
  });

  it('acknowledgment: 20 must read by the deadline, 15 do; afterwards the instance lists who did and the 5 who did not', async () => {
    await api().publish(fixtureJson('people/acknowledgment.json'));
    const id = await api().start('order-acknowledgment');
    const tasks = await tasksOf(api(), id, 'open');
    expect(tasks.map((t) => t.assignees).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => [`s${String(i + 1).padStart(2, '0')}`]),
    );
    const byPerson = new Map(tasks.map((t) => [t.assignees[0] as string, t]));
    const readers = [...byPerson.keys()].sort().slice(0, 15);
    for (const person of readers) {
      api().clock.now += 60_000;
      const res = await complete(api(), byPerson.get(person) as OpenTask, person, {
        outcome: 'acknowledged',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await api().call('GET', `/api/v1/instances/${id}`)).json().status).toBe('running');

    api().clock.now += 48 * HOUR;
    await runDueJobs(api().baton.rt);

    const card = (await api().call('GET', `/api/v1/instances/${id}`)).json();
    expect(card.status).toBe('completed');
    expect(card.responses).toHaveLength(1);
    const [read] = card.responses;
    expect(read).toMatchObject({ nodeId: 'read', kind: 'acknowledge', title: 'Read order No. 17', open: [] });
    expect(read.answered.map((a: { by: string }) => a.by).sort()).toEqual(readers);
    for (const a of read.answered) {
      expect(a).toMatchObject({ outcome: 'acknowledged', at: expect.any(String) });
    }
    expect(read.unanswered).toHaveLength(5);
    expect(read.unanswered.map((u: { assignees: string[] }) => u.assignees[0]).sort()).toEqual([
      's16',
      's17',
      's18',
      's19',
      's20',
    ]);
    for (const u of read.unanswered) expect(u.reason).toBe('deadline passed');
    const cancelled = card.tasks.filter((t: { status: string }) => t.status === 'cancelled');
    expect(cancelled).toHaveLength(5);
  });

  it('percentage vote: 5 voters, 60% needed — the third approval decides and cancels the other two', async () => {
    await api().publish(fixtureJson('people/vote.json'));
    const id = await api().start('board-vote');
    const tasks = await tasksOf(api(), id, 'open');
    expect(tasks).toHaveLength(5);
    const of = (who: string) => tasks.find((t) => t.assignees[0] === who) as OpenTask;

    expect((await complete(api(), of('b1'), 'b1', { outcome: 'approved' })).json().instance.status).toBe(
      'running',
    );
    expect((await complete(api(), of('b2'), 'b2', { outcome: 'approved' })).json().instance.status).toBe(
      'running',
    );
    const third = await complete(api(), of('b3'), 'b3', { outcome: 'approved', comment: 'within budget' });
    expect(third.json()).toMatchObject({
      instance: { status: 'completed' },
      task: { comment: 'within budget' },
    });

    const card = (await api().call('GET', `/api/v1/instances/${id}`)).json();
    expect(card.variables).toMatchObject({ approved: true });
    expect(card.history.some((h: { nodeId?: string }) => h.nodeId === 'approved')).toBe(true);
    const [vote] = card.responses;
    expect(vote.answered).toEqual([
      { taskId: of('b1').id, by: 'b1', at: expect.any(String), outcome: 'approved', comment: null },
      { taskId: of('b2').id, by: 'b2', at: expect.any(String), outcome: 'approved', comment: null },
      {
        taskId: of('b3').id,
        by: 'b3',
        at: expect.any(String),
        outcome: 'approved',
        comment: 'within budget',
      },
    ]);
    expect(
      vote.unanswered.map((u: { assignees: string[]; reason: string }) => [u.assignees[0], u.reason]),
    ).toEqual([
      ['b4', 'decided'],
      ['b5', 'decided'],
    ]);
    const late = await complete(api(), of('b4'), 'b4', { outcome: 'approved' });
    expect(late.statusCode).toBe(409);
  });

  it('escalation: a missed deadline notifies the head and the deal’s responsible exactly once', async () => {
    await api().publish(fixtureJson('people/escalation.json'));
    const started = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'deal-call',
      document: { title: 'Deal 4711', manager: 'ivan', responsible: 'petr' },
      documentRef: 'deal:4711',
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    const [task] = await tasksOf(api(), id, 'open');
    expect(task?.assignees).toEqual(['ivan']);

    api().clock.now += 3 * HOUR + 60_000;
    await runDueJobs(api().baton.rt);
    api().clock.now += HOUR;
    await runDueJobs(api().baton.rt);
    api().clock.now += 24 * HOUR;
    await runDueJobs(api().baton.rt);

    const notes = await notificationsOf(api(), id);
    const overdue = notes.filter((n) => n.text.startsWith('Overdue'));
    expect(overdue.map((n) => n.recipient)).toEqual(['boris', 'petr']);
    expect(notes.filter((n) => n.text.startsWith('Reminder')).map((n) => n.recipient)).toEqual(['ivan']);
    const jobs = (await api().call('GET', `/api/v1/jobs?kind=notify&instanceId=${id}`)).json().items;
    expect(jobs.map((j: { status: string }) => j.status)).toEqual(['done', 'done']);
    // The task is still open: escalation told people, it did not close or move it.
    expect((await tasksOf(api(), id, 'open')).map((t) => t.assignees)).toEqual([['ivan']]);
  });

  it('escalation follows a delegated task: the new holder is reminded and their head is told', async () => {
    const started = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'deal-call',
      document: { title: 'Deal 4712', manager: 'ivan', responsible: 'petr' },
      documentRef: 'deal:4712',
    });
    const id = started.json().id as string;
    const [task] = await tasksOf(api(), id, 'open');
    const handed = await api().call('POST', `/api/v1/tasks/${task?.id}/delegate`, {
      to: 'boris',
      actor: 'ivan',
    });
    expect(handed.statusCode, handed.body).toBe(200);

    for (const step of [3 * HOUR + 60_000, HOUR]) {
      api().clock.now += step;
      await runDueJobs(api().baton.rt);
    }
    const notes = await notificationsOf(api(), id);
    expect(notes.filter((n) => n.text.startsWith('Reminder')).map((n) => n.recipient)).toEqual(['boris']);
    // boris heads sales; his head is vera, who heads the company.
    expect(notes.filter((n) => n.text.startsWith('Overdue')).map((n) => n.recipient)).toEqual([
      'petr',
      'vera',
    ]);
  });

  it('escalation that reassigns: at the deadline the task goes to the named people, and the history says so', async () => {
    await api().publish({
      key: 'deal-call-reassign',
      name: 'Call the client back, or the responsible does',
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'call',
          type: 'userTask',
          name: 'Call the client',
          config: {
            kind: 'review',
            assignees: ["'ivan'"],
            deadline: 'PT4H',
            escalation: { notifyHeads: false, reassignTo: ["'petr'"] },
          },
        },
        { id: 'end', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'call' },
        { id: 'f2', source: 'call', target: 'end' },
      ],
    });
    const id = await api().start('deal-call-reassign');
    const [before] = await tasksOf(api(), id, 'open');
    expect(before?.assignees).toEqual(['ivan']);

    api().clock.now += 4 * HOUR + 60_000;
    await runDueJobs(api().baton.rt);
    const open = await tasksOf(api(), id, 'open');
    expect(open.map((t) => t.assignees)).toEqual([['petr']]);
    const mine = (await api().call('GET', `/api/v1/tasks?assignee=ivan&status=open&instanceId=${id}`)).json();
    expect(mine.items).toEqual([]);
    const history = (await api().call('GET', `/api/v1/instances/${id}`)).json().history as { type: string }[];
    expect(history.map((h) => h.type)).toEqual(
      expect.arrayContaining(['task.created', 'task.cancelled', 'task.created']),
    );
    expect(history.filter((h) => h.type === 'task.created')).toHaveLength(2);
    const done = await complete(api(), open[0] as OpenTask, 'petr', {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().instance.status).toBe('completed');
  });

  it('request for information: required fields are enforced, the answer and comment are stored; it may be refused', async () => {
    await api().publish(fixtureJson('people/request-info.json'));
    const id = await api().start('supplier-prices');
    const [task] = await tasksOf(api(), id, 'open');
    const missing = await complete(api(), task as OpenTask, 'boris', { variables: { note: 'soon' } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'INVALID_VARIABLES' });
    expect(missing.json().errors).toEqual([
      { path: 'variables.price', message: 'required' },
      { path: 'variables.currency', message: 'required' },
    ]);
    const wrong = await complete(api(), task as OpenTask, 'boris', {
      variables: { price: 10, currency: 'EUR' },
    });
    expect(wrong.json().errors).toEqual([
      { path: 'variables.currency', message: '"EUR" is not one of RUB, USD' },
    ]);

    const done = await complete(api(), task as OpenTask, 'boris', {
      variables: { price: 1200.5, currency: 'RUB' },
      outcome: 'submitted',
      comment: 'from the March price list',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task).toMatchObject({ completedBy: 'boris', comment: 'from the March price list' });
    const card = (await api().call('GET', `/api/v1/instances/${id}`)).json();
    expect(card.status).toBe('completed');
    expect(card.variables).toMatchObject({
      price: 1200.5,
      currency: 'RUB',
      comment: 'from the March price list',
    });
    expect(card.responses[0].answered[0]).toMatchObject({
      by: 'boris',
      outcome: 'submitted',
      comment: 'from the March price list',
    });

    const refusedId = await api().start('supplier-prices');
    const [ask] = await tasksOf(api(), refusedId, 'open');
    const refused = await complete(api(), ask as OpenTask, 'boris', {
      outcome: 'rejected',
      comment: 'the supplier has not sent prices',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const after = (await api().call('GET', `/api/v1/instances/${refusedId}`)).json();
    expect(after.variables).toMatchObject({ approved: false, comment: 'the supplier has not sent prices' });
  });

  it('delegation follows the template: to a subordinate only, or to nobody; each hand-over is in the history', async () => {
    const id = await api().start('supplier-prices');
    const [task] = await tasksOf(api(), id, 'open');
    const up = await api().call('POST', `/api/v1/tasks/${task?.id}/delegate`, { to: 'vera', actor: 'boris' });
    expect(up.statusCode).toBe(403);
    expect(up.json()).toMatchObject({ code: 'NOT_A_SUBORDINATE' });
    const down = await api().call('POST', `/api/v1/tasks/${task?.id}/delegate`, {
      to: 'petr',
      actor: 'boris',
    });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json().assignees).toEqual(['petr']);
    const history = (await api().call('GET', `/api/v1/instances/${id}`)).json().history;
    expect(history.find((h: { type: string }) => h.type === 'task.delegated')).toMatchObject({
      actor: 'boris',
      taskId: task?.id,
      data: { from: ['boris'], to: ['petr'] },
    });

    await api().publish(fixtureJson('people/review.json'));
    const fixed = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'contract-review',
      params: { assignee: 'ivan' },
    });
    const [review] = await tasksOf(api(), fixed.json().id, 'open');
    const refused = await api().call('POST', `/api/v1/tasks/${review?.id}/delegate`, {
      to: 'petr',
      actor: 'ivan',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'DELEGATION_NOT_ALLOWED' });
    // An administrator unblocks stuck work whatever the template says.
    const admin = await api().call('POST', `/api/v1/tasks/${review?.id}/delegate`, { to: 'petr' });
    expect(admin.statusCode, admin.body).toBe(200);
  });
});
