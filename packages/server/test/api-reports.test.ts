import { beforeAll, expect, it } from 'vitest';
import { type Api, apiSuite } from './api-harness.ts';
import { tasksOf } from './support/org.ts';
import { createDepartment, createUser, signIn } from './support/people.ts';

const MINUTE = 60_000;

/** start → approve (dan, 15 minutes) → check (lena) → end. */
const purchase = {
  key: 'purchase',
  name: 'Purchase of goods',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'approve',
      type: 'userTask',
      name: 'Approve the purchase',
      config: { kind: 'acknowledge', assignees: ['"dan"'], deadline: 'PT15M' },
    },
    {
      id: 'check',
      type: 'userTask',
      name: '=Check the invoice',
      config: { kind: 'acknowledge', assignees: ['"lena"'] },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'approve' },
    { id: 'f2', source: 'approve', target: 'check' },
    { id: 'f3', source: 'check', target: 'end' },
  ],
};

apiSuite('process reports', (api) => {
  let t0 = 0;
  const ids: string[] = [];

  /**
   * Three purchases started a minute apart: dan approves them after 10, 20 and 30 minutes (the last
   * two past the deadline), lena checks the first two after 5 minutes each; the third waits for her.
   */
  beforeAll(async () => {
    const a = api();
    await createDepartment(a, { id: 'sales', name: 'Sales' });
    await createDepartment(a, { id: 'accounts', name: 'Accounts' });
    await createUser(a, { id: 'dan', departmentId: 'sales' });
    await createUser(a, { id: 'lena', departmentId: 'accounts' });
    await createUser(a, { id: 'olga' });
    await a.publish(purchase);
    t0 = a.clock.now;
    for (let i = 0; i < 3; i++) {
      a.clock.now = t0 + i * MINUTE;
      const res = await a.call('POST', '/api/v1/instances', { definitionKey: 'purchase', params: {} });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    for (let i = 0; i < 3; i++) {
      a.clock.now = t0 + i * MINUTE + (i + 1) * 10 * MINUTE;
      await answer(a, ids[i] as string, 'approve', 'dan');
      if (i < 2) {
        a.clock.now += 5 * MINUTE;
        await answer(a, ids[i] as string, 'check', 'lena');
      }
    }
    a.clock.now = t0 + 60 * MINUTE;
  });

  it('shows each step’s time, the longest first, with what is open and late', async () => {
    const res = await api().call('GET', '/api/v1/reports/processes/purchase');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.instances).toMatchObject({
      started: 3,
      running: 1,
      completed: 2,
      failed: 0,
      terminated: 0,
    });
    expect(report.instances.duration).toMatchObject({ count: 2, medianMs: 15 * MINUTE, maxMs: 25 * MINUTE });
    const [approve, check] = report.steps;
    expect(approve).toEqual({
      nodeId: 'approve',
      title: 'Approve the purchase',
      tasks: 3,
      open: 0,
      cancelled: 0,
      overdue: 2,
      oldestOpenMs: null,
      waiting: [],
      count: 3,
      totalMs: 60 * MINUTE,
      medianMs: 20 * MINUTE,
      p90Ms: 30 * MINUTE,
      maxMs: 30 * MINUTE,
      share: 60 / 70,
    });
    expect(check.waiting).toEqual([
      {
        taskId: expect.stringMatching(new RegExp(`^${ids[2]}:`)),
        instanceId: ids[2],
        assignees: ['lena'],
        since: new Date(t0 + 32 * MINUTE).toISOString(),
        dueAt: null,
      },
    ]);
    // The third purchase's check was given at t0 + 32 min; the report is read at t0 + 60 min.
    expect(check).toMatchObject({
      nodeId: 'check',
      tasks: 3,
      open: 1,
      count: 2,
      totalMs: 10 * MINUTE,
      oldestOpenMs: 28 * MINUTE,
    });
  });

  it("adds up the time by the answerer's department and by person, with each one's late answers", async () => {
    const { departments, people } = (await api().call('GET', '/api/v1/reports/processes/purchase')).json();
    expect(
      people.map(
        (p: { userId: string; departmentId: string; count: number; totalMs: number; overdue: number }) => [
          p.userId,
          p.departmentId,
          p.count,
          p.totalMs,
          p.overdue,
        ],
      ),
    ).toEqual([
      ['dan', 'sales', 3, 60 * MINUTE, 2],
      ['lena', 'accounts', 2, 10 * MINUTE, 0],
    ]);
    expect(
      departments.map((d: { name: string; count: number; totalMs: number; people: number }) => [
        d.name,
        d.count,
        d.totalMs,
        d.people,
      ]),
    ).toEqual([
      ['Sales', 3, 60 * MINUTE, 1],
      ['Accounts', 2, 10 * MINUTE, 1],
    ]);
  });

  it('covers the instances started in the range', async () => {
    const from = new Date(t0 + MINUTE).toISOString();
    const to = new Date(t0 + 2 * MINUTE).toISOString();
    const res = await api().call('GET', `/api/v1/reports/processes/purchase?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ from, to, instances: { started: 1, completed: 1 } });
    expect(report.steps.map((s: { nodeId: string; totalMs: number }) => [s.nodeId, s.totalMs])).toEqual([
      ['approve', 20 * MINUTE],
      ['check', 5 * MINUTE],
    ]);
    const empty = await api().call(
      'GET',
      `/api/v1/reports/processes/purchase?to=${new Date(t0).toISOString()}`,
    );
    expect(empty.json()).toMatchObject({ instances: { started: 0 }, steps: [], departments: [] });
  });

  it('exports the tasks as CSV for BI tools, a formula-like name as text', async () => {
    const res = await api().call('GET', '/api/v1/reports/processes/purchase/tasks.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="purchase-tasks.csv"');
    const [header, ...lines] = res.body.trimEnd().split('\r\n');
    expect(header).toBe(
      'instance_id,task_id,step_id,step,status,created_at,completed_at,due_at,completed_by,department,duration_seconds,working_seconds,overdue',
    );
    expect(lines).toHaveLength(6);
    const first = lines[0]?.split(',');
    expect(first?.slice(2)).toEqual([
      'approve',
      'Approve the purchase',
      'completed',
      new Date(t0).toISOString(),
      new Date(t0 + 10 * MINUTE).toISOString(),
      new Date(t0 + 15 * MINUTE).toISOString(),
      'dan',
      'Sales',
      '600',
      '600',
      '0',
    ]);
    expect(lines.filter((l) => l.includes(",'=Check the invoice,"))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/,check,'=Check the invoice,open,[^,]+,,,,,,,0$/);
  });

  it('measures in working hours when asked: the night and the weekend are not lost time', async () => {
    const a = api();
    const read = async (time: string) =>
      (await a.call('GET', `/api/v1/reports/processes/purchase?time=${time}`)).json().steps[1].oldestOpenMs;
    // t0 is Monday 12:00 in Moscow (the default calendar: 09:00–18:00, UTC+3); read on Tuesday 12:00.
    a.clock.now = t0 + 24 * 60 * MINUTE;
    try {
      expect(await read('calendar')).toBe((24 * 60 - 32) * MINUTE);
      // The check waits from Monday 12:32: 5 h 28 min that day, 3 h on Tuesday.
      expect(await read('working')).toBe((5 * 60 + 28 + 3 * 60) * MINUTE);
      const csv = (await a.call('GET', '/api/v1/reports/processes/purchase/tasks.csv')).body;
      expect(csv.split('\r\n')[1]).toMatch(/,Sales,600,600,0$/);
    } finally {
      a.clock.now = t0 + 60 * MINUTE;
    }
  });

  it('is for those who see every run of the template, and names what is wrong in the range', async () => {
    const a = api();
    const olga = await signIn(a.app, 'olga');
    expect((await olga.call('GET', '/api/v1/auth/me')).json().reports).toBe(false);
    const reportable = async () =>
      (await olga.call('GET', '/api/v1/definitions?reportable=true'))
        .json()
        .items.map((d: { key: string }) => d.key);
    expect(await reportable()).toEqual([]);
    expect((await olga.call('GET', '/api/v1/reports/processes/purchase')).statusCode).toBe(403);
    expect((await olga.call('GET', '/api/v1/reports/processes/purchase/tasks.csv')).statusCode).toBe(403);
    // The template's view right makes them hers, and /auth/me says so (the menu shows them).
    const rights = await a.call('PUT', '/api/v1/definitions/purchase/rights', {
      start: [],
      view: ['user:olga'],
      edit: [],
    });
    expect(rights.statusCode, rights.body).toBe(200);
    expect((await olga.call('GET', '/api/v1/auth/me')).json().reports).toBe(true);
    expect(await reportable()).toEqual(['purchase']);
    expect((await olga.call('GET', '/api/v1/reports/processes/purchase')).json().instances.started).toBe(3);
    await a.call('PUT', '/api/v1/definitions/purchase/rights', { start: [], view: [], edit: [] });
    expect((await a.call('GET', '/api/v1/reports/processes/nothing')).statusCode).toBe(404);
    const backwards = await a.call(
      'GET',
      `/api/v1/reports/processes/purchase?from=${new Date(t0).toISOString()}&to=${new Date(t0 - 1).toISOString()}`,
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors).toEqual([{ path: 'querystring.from', message: 'must come before to' }]);
    const garbled = await a.call('GET', '/api/v1/reports/processes/purchase?from=yesterday');
    expect(garbled.statusCode).toBe(400);
    expect(JSON.stringify(garbled.json())).toContain('querystring.from');
  });
});

async function answer(api: Api, instanceId: string, nodeId: string, actor: string) {
  const task = (await tasksOf(api, instanceId, 'open')).find((t) => t.nodeId === nodeId);
  const res = await api.call('POST', `/api/v1/tasks/${encodeURIComponent(task?.id as string)}/complete`, {
    variables: {},
    actor,
  });
  expect(res.statusCode, res.body).toBe(200);
}
