import { beforeAll, expect, it } from 'vitest';
import { type Api, apiSuite, fixtureJson } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople, type OpenTask, tasksOf } from './support/org.ts';
import { signIn } from './support/people.ts';

/**
 * company (head vera) ⊃ sales (head boris: ivan, dan, kirill, masha), office (head vera: acc the
 * accountant, hr1 of HR, oleg); olga is the process administrator.
 * The suite's clock starts on Monday 2029-12-31 09:00 UTC (12:00 in Moscow, the calendar's offset).
 */
async function organisation(api: Api): Promise<void> {
  await addPeople(api, {
    roles: ['accountant', 'hr'],
    departments: [
      { id: 'company', head: 'vera' },
      { id: 'sales', parentId: 'company', head: 'boris' },
      { id: 'office', parentId: 'company', head: 'vera' },
    ],
    users: [
      { id: 'vera', departmentId: 'company' },
      { id: 'boris', departmentId: 'sales', canSignIn: true },
      { id: 'ivan', departmentId: 'sales', canSignIn: true },
      { id: 'dan', departmentId: 'sales', canSignIn: true },
      { id: 'kirill', departmentId: 'sales' },
      { id: 'masha', departmentId: 'sales' },
      { id: 'acc', departmentId: 'office', roles: ['accountant'] },
      { id: 'hr1', departmentId: 'office', roles: ['hr'] },
      { id: 'oleg', departmentId: 'office' },
      { id: 'olga', roles: ['processAdministrator'] },
    ],
  });
}

const historyOf = async (api: Api, id: string) =>
  (await api.call('GET', `/api/v1/instances/${id}`)).json().history as {
    type: string;
    nodeId?: string;
    taskId?: string;
    actor?: string;
    data?: Record<string, unknown>;
  }[];

apiSuite('assignment: absences, deputies, heads', (api) => {
  beforeAll(async () => {
    await organisation(api());
  });

  it('vacation request: the head is away, so the deputy approves (the history says so); then accounting and HR in parallel', async () => {
    const { app } = api();
    const boris = await signIn(app, 'boris');
    const away = await boris.call('POST', '/api/v1/absences', {
      userId: 'boris',
      from: '2029-12-30',
      to: '2030-01-20',
      kind: 'vacation',
      deputyId: 'dan',
    });
    expect(away.statusCode, away.body).toBe(201);
    expect(away.json()).toMatchObject({
      userId: 'boris',
      kind: 'vacation',
      deputyId: 'dan',
      startsAt: '2029-12-29T21:00:00.000Z',
      endsAt: '2030-01-20T21:00:00.000Z',
    });
    await api().publish(fixtureJson('people/vacation.json'));

    const ivan = await signIn(app, 'ivan');
    const started = await ivan.call('POST', '/api/v1/instances', {
      definitionKey: 'vacation-request',
      params: { from: '2030-02-01', to: '2030-02-14' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    const mine = async () =>
      (await ivan.call('GET', '/api/v1/instances?scope=mine'))
        .json()
        .items.map((i: { id: string; status: string }) => [i.id, i.status]);
    expect(await mine()).toEqual([[id, 'running']]);

    const [approve] = await tasksOf(api(), id, 'open');
    expect(approve).toMatchObject({
      nodeId: 'approve',
      assignees: ['dan'],
      redirects: [{ assignee: 'dan', meantFor: 'boris', reason: 'vacation' }],
      warning: null,
    });
    const created = (await historyOf(api(), id)).find(
      (h) => h.type === 'task.created' && h.nodeId === 'approve',
    );
    expect(created?.data).toEqual({
      kind: 'approve',
      assignees: ['dan'],
      redirects: [{ assignee: 'dan', meantFor: 'boris', reason: 'vacation' }],
    });

    // dan sees it in his inbox and decides; a rejection would need a comment.
    const dan = await signIn(app, 'dan');
    const inbox = (await dan.call('GET', '/api/v1/tasks?scope=mine&status=open')).json().items;
    expect(inbox.map((t: { id: string }) => t.id)).toEqual([approve?.id]);
    const bare = await dan.call('POST', `/api/v1/tasks/${approve?.id}/complete`, { outcome: 'rejected' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'COMMENT_REQUIRED' });
    const yes = await dan.call('POST', `/api/v1/tasks/${approve?.id}/complete`, {
      outcome: 'approved',
      comment: 'Enjoy the rest',
    });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().task).toMatchObject({
      completedBy: 'dan',
      outcome: 'approved',
      comment: 'Enjoy the rest',
    });
    expect(await mine()).toEqual([[id, 'running']]);

    const parallel = await tasksOf(api(), id, 'open');
    expect(parallel.map((t) => [t.nodeId, t.assignees]).sort()).toEqual([
      ['accounting', ['acc']],
      ['hr', ['hr1']],
    ]);
    for (const t of parallel) {
      const res = await api().call('POST', `/api/v1/tasks/${t.id}/complete`, {
        actor: t.assignees[0],
        outcome: 'acknowledged',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await mine()).toEqual([[id, 'completed']]);
    const card = (await ivan.call('GET', `/api/v1/instances/${id}`)).json();
    expect(
      card.responses.map((r: { nodeId: string; answered: { by: string }[] }) => [
        r.nodeId,
        r.answered[0]?.by,
      ]),
    ).toEqual([
      ['approve', 'dan'],
      ['accounting', 'acc'],
      ['hr', 'hr1'],
    ]);
  });

  it('assigns to a role within a department and to a group, as the organisation holds them', async () => {
    const { call, publish, start, openTasks } = api();
    // Accountants for the office: acc (company-wide, works there) and masha (works in sales, holds the
    // role in the office); kirill holds it only in sales.
    const holdings = { masha: 'office', kirill: 'sales' };
    for (const [user, departmentId] of Object.entries(holdings)) {
      const res = await call('PATCH', `/api/v1/users/${user}`, {
        roles: [{ role: 'accountant', departmentId }],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const board = await call('POST', '/api/v1/groups', {
      name: 'board',
      title: 'Board',
      members: ['vera', 'oleg'],
    });
    expect(board.statusCode, board.body).toBe(201);
    const task = (id: string, assignees: string) => ({
      id,
      type: 'userTask',
      name: id,
      config: { kind: 'review', assignees: [assignees] },
    });
    await publish({
      key: 'by-org',
      name: 'Tasks for a role in a department and for a group',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'split', type: 'parallel' },
        task('books', "'role:accountant@office'"),
        task('sign', "'group:board'"),
        { id: 'join', type: 'parallel' },
        { id: 'end', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'split' },
        { id: 'f2', source: 'split', target: 'books' },
        { id: 'f3', source: 'split', target: 'sign' },
        { id: 'f4', source: 'books', target: 'join' },
        { id: 'f5', source: 'sign', target: 'join' },
        { id: 'f6', source: 'join', target: 'end' },
      ],
    });
    const id = await start('by-org');
    const open = await tasksOf(api(), id, 'open');
    const assignees = Object.fromEntries(open.map((t) => [t.nodeId, [...t.assignees].sort()]));
    expect(assignees).toEqual({ books: ['acc', 'masha'], sign: ['oleg', 'vera'] });
    expect((await openTasks(id)).length).toBe(2);
    // Leave the organisation and the inboxes as the other tests expect them.
    const ended = await call('POST', `/api/v1/instances/${id}/terminate`, { reason: 'test done' });
    expect(ended.statusCode, ended.body).toBe(200);
    for (const user of Object.keys(holdings)) {
      const res = await call('PATCH', `/api/v1/users/${user}`, { roles: [] });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('an absence that starts while a task is open moves it to the deputy — unless the template says wait', async () => {
    const review = fixtureJson('people/review.json');
    await api().publish(review);
    await api().publish({ ...review, key: 'contract-review-wait', options: { onAbsence: 'wait' } });
    const start = async (key: string) => {
      const res = await api().call('POST', '/api/v1/instances', {
        definitionKey: key,
        params: { assignee: 'kirill' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const moving = await start('contract-review');
    const waiting = await start('contract-review-wait');

    const away = await api().call('POST', '/api/v1/absences', {
      userId: 'kirill',
      from: '2030-01-01',
      to: '2030-01-05',
      kind: 'sickLeave',
      deputyId: 'masha',
    });
    expect(away.statusCode, away.body).toBe(201);
    // Not started yet: nothing moves.
    await runDueJobs(api().baton.rt);
    expect((await tasksOf(api(), moving, 'open'))[0]?.assignees).toEqual(['kirill']);

    api().clock.now = Date.parse('2030-01-01T06:00:00Z');
    expect(await runDueJobs(api().baton.rt)).toEqual(['absenceStarted']);

    const [moved] = await tasksOf(api(), moving, 'open');
    expect(moved).toMatchObject({
      assignees: ['masha'],
      redirects: [{ assignee: 'masha', meantFor: 'kirill', reason: 'sickLeave' }],
    });
    const history = await historyOf(api(), moving);
    expect(history.at(-1)).toMatchObject({
      type: 'task.reassigned',
      nodeId: 'review',
      taskId: moved?.id,
      data: { from: ['kirill'], to: ['masha'], meantFor: 'kirill', reason: 'sickLeave' },
    });
    const masha = (await api().call('GET', '/api/v1/tasks?assignee=masha&status=open')).json().items;
    expect(masha.map((t: OpenTask) => t.id)).toEqual([moved?.id]);

    expect((await tasksOf(api(), waiting, 'open'))[0]?.assignees).toEqual(['kirill']);
    expect((await historyOf(api(), waiting)).some((h) => h.type === 'task.reassigned')).toBe(false);

    // While kirill is away, a new task meant for him goes straight to masha.
    const later = await start('contract-review');
    expect((await tasksOf(api(), later, 'open'))[0]).toMatchObject({
      assignees: ['masha'],
      redirects: [{ assignee: 'masha', meantFor: 'kirill', reason: 'sickLeave' }],
    });
    // The history of the moved task stays one gap-free sequence after the engine writes more.
    const done = await api().call('POST', `/api/v1/tasks/${moved?.id}/complete`, { actor: 'masha' });
    expect(done.json().instance.status).toBe('completed');
    const seqs = (await api().call('GET', `/api/v1/instances/${moving}`))
      .json()
      .history.map((h: { seq: number }) => h.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });

  it('deactivating a user moves their open tasks to their head, recorded in the history', async () => {
    const res = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'contract-review-wait',
      params: { assignee: 'oleg' },
    });
    const id = res.json().id as string;
    expect((await tasksOf(api(), id, 'open'))[0]?.assignees).toEqual(['oleg']);
    const off = await api().call('PATCH', '/api/v1/users/oleg', { active: false });
    expect(off.statusCode, off.body).toBe(200);
    const [task] = await tasksOf(api(), id, 'open');
    expect(task).toMatchObject({
      assignees: ['vera'],
      redirects: [{ assignee: 'vera', meantFor: 'oleg', reason: 'inactive' }],
    });
    expect((await historyOf(api(), id)).at(-1)).toMatchObject({
      type: 'task.reassigned',
      actor: 'admin',
      data: { from: ['oleg'], to: ['vera'], meantFor: 'oleg', reason: 'inactive' },
    });
    // Inactive users never get new tasks either.
    const again = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'contract-review',
      params: { assignee: 'oleg' },
    });
    expect((await tasksOf(api(), again.json().id, 'open'))[0]?.assignees).toEqual(['vera']);
  });

  it('an assignee expression that resolves to nobody goes to the process administrator with a visible warning', async () => {
    const res = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'contract-review',
      params: { assignee: 'role:nonexistent' },
    });
    const id = res.json().id as string;
    const [task] = await tasksOf(api(), id, 'open');
    expect(task).toMatchObject({
      assignees: ['olga'],
      redirects: [{ assignee: 'olga', meantFor: 'role:nonexistent', reason: 'unresolved' }],
      warning: 'No one matched "role:nonexistent": the task went to the process administrators',
    });
    const created = (await historyOf(api(), id)).find((h) => h.type === 'task.created');
    expect(created?.data).toMatchObject({ redirects: [{ assignee: 'olga', reason: 'unresolved' }] });
    const olga = (await api().call('GET', '/api/v1/tasks?assignee=olga&status=open')).json().items;
    expect(olga.map((t: OpenTask) => t.id)).toContain(task?.id);
  });

  it('absences: who may set them, overlaps, bad dates, filters and removal', async () => {
    const ivan = await signIn(api().app, 'ivan');
    const boris = await signIn(api().app, 'boris');
    const body = { userId: 'dan', from: '2030-03-02', to: '2030-03-06', kind: 'businessTrip' };
    const notHis = await ivan.call('POST', '/api/v1/absences', body);
    expect(notHis.statusCode).toBe(403);
    const byHead = await boris.call('POST', '/api/v1/absences', { ...body, deputyId: 'ivan' });
    expect(byHead.statusCode, byHead.body).toBe(201);
    const overlap = await api().call('POST', '/api/v1/absences', {
      ...body,
      from: '2030-03-05',
      to: '2030-03-09',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'ABSENCE_OVERLAPS' });
    const bad = await api().call('POST', '/api/v1/absences', {
      userId: 'nobody',
      from: '2030-02-30',
      to: '2030-03-01',
      kind: 'vacation',
      deputyId: 'nobody',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.from',
      'body.userId',
      'body.deputyId',
    ]);
    const wrongKind = await api().call('POST', '/api/v1/absences', { ...body, kind: 'holiday' });
    expect(wrongKind.statusCode).toBe(400);

    const inMarch = (await ivan.call('GET', '/api/v1/absences?from=2030-03-01&to=2030-03-31')).json().items;
    expect(inMarch.map((a: { userId: string; kind: string }) => [a.userId, a.kind])).toEqual([
      ['dan', 'businessTrip'],
    ]);
    const borisAway = (await ivan.call('GET', '/api/v1/absences?userId=boris')).json().items;
    expect(borisAway).toHaveLength(1);

    const id = byHead.json().id as string;
    expect((await ivan.call('DELETE', `/api/v1/absences/${id}`)).statusCode).toBe(403);
    expect((await boris.call('DELETE', `/api/v1/absences/${id}`)).statusCode).toBe(204);
    expect((await api().call('GET', `/api/v1/absences/${id}`)).statusCode).toBe(404);
    const job = (await api().call('GET', '/api/v1/jobs?kind=absenceStarted&status=cancelled')).json().items;
    expect(job.map((j: { key: string }) => j.key)).toEqual([`absence:${id}:started`]);
  });
});
