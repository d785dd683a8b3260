import { beforeAll, expect, it } from 'vitest';
import { robotHandler } from '../src/crm/robot-job.ts';
import { finishJob } from '../src/jobs/queue.ts';
import { apiSuite } from './api-harness.ts';
import { created, createPipeline, itemProcess, type PipelineBody } from './support/crm.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser, type Session } from './support/people.ts';

const DAY = 86_400_000;
const FORGOTTEN =
  '{{ responsible.name }}, remind {{ deal.company }} about yourself: do the terms of «{{ deal.title }}» suit them?';

/** On a won deal: the manager hands the client over to delivery. */
const handOver = itemProcess('hand-over', 'deal', [
  { id: 'handOver', type: 'userTask', config: { kind: 'acknowledge', assignees: ['document.responsible'] } },
]);

apiSuite('robots on pipeline stages', (api) => {
  let sales: PipelineBody;
  beforeAll(async () => {
    const a = api();
    await addPeople(a, {
      departments: [{ id: 'sales', head: 'olga' }],
      users: [
        { id: 'olga', departmentId: 'sales', canSignIn: true },
        { id: 'ivan', departmentId: 'sales', canSignIn: true },
      ],
    });
    sales = await createPipeline(a.call);
    await a.publish(handOver);
    const robot = async (body: Record<string, unknown>) => {
      const res = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, body);
      expect(res.statusCode, res.body).toBe(201);
    };
    await robot({
      stageId: stage('Quote sent'),
      name: 'Forgotten client',
      action: 'notify',
      delay: 'P7D',
      message: FORGOTTEN,
      notifyHead: true,
    });
    await robot({
      stageId: stage('Won'),
      name: 'Hand over',
      action: 'startProcess',
      definitionKey: handOver.key,
    });
  });
  const as = (id: string) => asUser(() => api().app, id);
  const ivan = { call: as('ivan') };
  const olga = { call: as('olga') };
  const stage = (name: string) => sales.stages.find((s) => s.name === name)?.id as string;
  const texts = async (s: { call: Session['call'] }) =>
    ((await s.call('GET', '/api/v1/notifications')).json().items as { text: string }[]).map((n) => n.text);
  const newDeal = async (title: string) => {
    const company = await created(ivan.call, 'companies', { name: 'ООО Ромашка' });
    return created(ivan.call, 'deals', { title, pipelineId: sales.id, companyId: company.id });
  };
  const move = async (id: string, name: string) => {
    const res = await ivan.call('PATCH', `/api/v1/crm/deals/${id}`, { stageId: stage(name) });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('lists a pipeline’s robots in stage order', async () => {
    const list = (await ivan.call('GET', `/api/v1/crm/pipelines/${sales.id}/robots`)).json().items;
    expect(list).toMatchObject([
      {
        name: 'Forgotten client',
        action: 'notify',
        delay: 'P7D',
        notifyHead: true,
        definitionKey: null,
        active: true,
      },
      { name: 'Hand over', action: 'startProcess', delay: null, message: null, definitionKey: handOver.key },
    ]);
  });

  it('reminds the manager and their head of a client forgotten at a stage for a week', async () => {
    const a = api();
    const deal = await newDeal('Бетон М300');
    await move(deal.id, 'Quote sent');
    a.clock.now += 6 * DAY;
    expect(await runDueJobs(a.baton.rt)).not.toContain('crmRobot');
    a.clock.now += DAY;
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot', 'notify']);
    const text = 'ivan, remind ООО Ромашка about yourself: do the terms of «Бетон М300» suit them?';
    expect(await texts(ivan)).toContain(text);
    expect(await texts(olga)).toContain(text);
  });

  it('says nothing of a deal that moved on, and starts the process of the stage it reached', async () => {
    const a = api();
    const deal = await newDeal('Кирпич');
    await move(deal.id, 'Quote sent');
    a.clock.now += DAY;
    await move(deal.id, 'Won');
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot']);
    const processes = (await ivan.call('GET', `/api/v1/instances?documentRef=deal:${deal.id}`)).json().items;
    expect(processes).toMatchObject([{ definitionKey: handOver.key, startedBy: 'ivan', status: 'running' }]);
    expect((await a.openTasks(processes[0].id))[0]).toMatchObject({ nodeId: 'handOver' });
    a.clock.now += 7 * DAY;
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot']); // the week's reminder: nothing to do
    expect((await texts(ivan)).filter((t) => t.includes('Кирпич'))).toEqual([]);
  });

  it('counts a week from a deal’s latest entry into the stage', async () => {
    const a = api();
    const deal = await newDeal('Песок');
    await move(deal.id, 'Quote sent');
    a.clock.now += 3 * DAY;
    await move(deal.id, 'New');
    await move(deal.id, 'Quote sent');
    a.clock.now += 4 * DAY;
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot']); // the first entry's: moved on since
    a.clock.now += 3 * DAY;
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot', 'notify']);
    expect((await texts(ivan)).filter((t) => t.includes('Песок'))).toHaveLength(1);
  });

  it('starts one process however often its job runs', async () => {
    const a = api();
    const deal = await newDeal('Щебень');
    await move(deal.id, 'Won');
    const job = await a.baton.rt.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'crmRobot')
      .where('key', 'like', `crmRobot:${deal.id}:%`)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 2; i++)
      await robotHandler.run(a.baton.rt, job, (trx) =>
        finishJob(trx ?? a.baton.rt.db.kysely, job, a.clock.now),
      );
    const processes = (await ivan.call('GET', `/api/v1/instances?documentRef=deal:${deal.id}`)).json().items;
    expect(processes).toHaveLength(1);
  });

  it('does nothing while switched off, and goes with its stage', async () => {
    const a = api();
    const other = await createPipeline(a.call, 'Service');
    const robot = (
      await a.call('POST', `/api/v1/crm/pipelines/${other.id}/robots`, {
        stageId: other.stages[0]?.id,
        name: 'Welcome',
        action: 'notify',
        message: 'New deal {{ deal.title }}',
        active: false,
      })
    ).json();
    await created(ivan.call, 'deals', { title: 'Quiet', pipelineId: other.id });
    expect(await runDueJobs(a.baton.rt)).toEqual([]);
    const on = await a.call('PUT', `/api/v1/crm/robots/${robot.id}`, {
      ...robot,
      active: true,
      id: undefined,
    });
    expect(on.statusCode, on.body).toBe(400); // the body takes settings only
    const put = await a.call('PUT', `/api/v1/crm/robots/${robot.id}`, {
      stageId: robot.stageId,
      name: 'Welcome',
      action: 'notify',
      message: 'New deal {{ deal.title }}',
    });
    expect(put.json().active).toBe(true);
    await created(ivan.call, 'deals', { title: 'Loud', pipelineId: other.id });
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot', 'notify']);
    expect(await texts(ivan)).toContain('New deal Loud');

    const [first, ...rest] = other.stages;
    const reshaped = await a.call('PUT', `/api/v1/crm/pipelines/${other.id}`, {
      name: 'Service',
      stages: [
        { name: 'Fresh', kind: 'open' },
        ...rest.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
      ],
    });
    expect(reshaped.statusCode, reshaped.body).toBe(409); // deals are on the first stage
    expect(first).toBeDefined();
    expect((await a.call('DELETE', `/api/v1/crm/robots/${robot.id}`)).statusCode).toBe(204);
    expect((await a.call('GET', `/api/v1/crm/pipelines/${other.id}/robots`)).json().items).toEqual([]);
    expect((await a.call('DELETE', `/api/v1/crm/robots/${robot.id}`)).statusCode).toBe(404);
  });

  it('refuses a robot that could not act, naming the field', async () => {
    const other = await createPipeline(api().call, 'Rent');
    const bad = async (body: Record<string, unknown>, status: number, path: string, code?: string) => {
      const res = await api().call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
        stageId: stage('New'),
        name: 'Bad',
        action: 'notify',
        message: 'Hi',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
      if (code) expect(res.json().code).toBe(code);
    };
    await bad({ message: 'Hello {{ deal.title ' }, 422, 'body.message', 'INVALID_ROBOT');
    await bad({ message: '' }, 422, 'body.message', 'INVALID_ROBOT');
    await bad({ action: 'startProcess', definitionKey: 'nope' }, 422, 'body.definitionKey', 'BAD_REFERENCE');
    await bad({ action: 'startProcess' }, 422, 'body.definitionKey', 'INVALID_ROBOT');
    await bad({ stageId: other.stages[0]?.id }, 422, 'body.stageId', 'BAD_REFERENCE');
    await bad({ delay: 'a week' }, 400, 'body.delay');
    await bad({ action: 'call' }, 400, 'body.action');
    await bad({ action: 'moveStage' }, 422, 'body.targetStageId', 'INVALID_ROBOT');
    await bad(
      { action: 'moveStage', targetStageId: stage('New') },
      422,
      'body.targetStageId',
      'INVALID_ROBOT',
    );
    await bad(
      { action: 'moveStage', targetStageId: other.stages[1]?.id },
      422,
      'body.targetStageId',
      'BAD_REFERENCE',
    );
    const employee = await ivan.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage('New'),
      name: 'Mine',
      action: 'notify',
      message: 'Hi',
    });
    expect(employee.statusCode).toBe(403);
    expect((await api().call('GET', `/api/v1/crm/pipelines/${sales.id}/robots`)).json().items).toHaveLength(
      2,
    );
  });

  it("counts a delay and an activity's deadline in working time when asked: a day from Friday is Monday", async () => {
    const a = api();
    const res = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage('Lost'),
      name: 'Win back',
      action: 'activity',
      activityKind: 'call',
      message: 'Win back {{ deal.title }}',
      delay: 'P1D',
      activityDue: 'P1D',
      inWorkingTime: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ inWorkingTime: true, delay: 'P1D' });
    // The next Friday, 10:00 UTC (13:00 in Moscow, within the working day).
    const at = new Date(a.clock.now);
    at.setUTCDate(at.getUTCDate() + ((5 - at.getUTCDay() + 7) % 7 || 7));
    at.setUTCHours(10, 0, 0, 0);
    a.clock.now = at.getTime();
    const deal = await newDeal('Кирпич');
    await move(deal.id, 'Lost');
    a.clock.now += DAY;
    expect(await runDueJobs(a.baton.rt)).not.toContain('crmRobot');
    a.clock.now += DAY;
    expect(await runDueJobs(a.baton.rt)).not.toContain('crmRobot');
    a.clock.now += DAY;
    expect(await runDueJobs(a.baton.rt)).toContain('crmRobot');
    const [call] = (await ivan.call('GET', `/api/v1/crm/activities?dealId=${deal.id}`)).json().items;
    expect(call).toMatchObject({
      kind: 'call',
      title: 'Win back Кирпич',
      dueAt: new Date(a.clock.now + DAY).toISOString(),
    });
    expect((await a.call('DELETE', `/api/v1/crm/robots/${res.json().id}`)).statusCode).toBe(204);
  });

  it('moves a deal left untouched at a stage on to another, and goes when that stage does', async () => {
    const a = api();
    const res = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage('Quote sent'),
      name: 'Close stale quotes',
      action: 'moveStage',
      targetStageId: stage('Lost'),
      delay: 'P30D',
      message: 'ignored',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ action: 'moveStage', targetStageId: stage('Lost'), message: null });
    try {
      const stale = await newDeal('Забытый склад');
      const lively = await newDeal('Живой склад');
      await move(stale.id, 'Quote sent');
      await move(lively.id, 'Quote sent');
      a.clock.now += 10 * DAY;
      await move(lively.id, 'Won');
      a.clock.now += 20 * DAY;
      await runDueJobs(a.baton.rt);
      const closed = (await ivan.call('GET', `/api/v1/crm/deals/${stale.id}`)).json();
      expect(closed).toMatchObject({ stageId: stage('Lost') });
      expect(closed.closedAt).not.toBeNull();
      expect(closed.stages.at(-1)).toMatchObject({ stageId: stage('Lost'), by: `robot:${res.json().id}` });
      expect((await ivan.call('GET', `/api/v1/crm/deals/${lively.id}`)).json().stageId).toBe(stage('Won'));
    } finally {
      await a.call('DELETE', `/api/v1/crm/robots/${res.json().id}`);
    }
  });
});
