import { beforeAll, expect, it } from 'vitest';
import { apiSuite, START } from './api-harness.ts';
import { created, createPipeline, type PipelineBody } from './support/crm.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser, type Session } from './support/people.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Activities (дела) on deals: planned calls and meetings, their deadlines watched, robots planning them. */
apiSuite('CRM activities', (api) => {
  let sales: PipelineBody;
  const as = (id: string) => asUser(() => api().app, id);
  const ivan = as('ivan');
  const petr = as('petr');
  const olga = as('olga');
  const at = (ms: number) => new Date(ms).toISOString();
  const newDeal = async (title: string) => {
    const company = await created(ivan, 'companies', { name: 'ООО Ромашка' });
    return created(ivan, 'deals', { title, pipelineId: sales.id, companyId: company.id });
  };
  const plan = async (call: Session['call'], body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/crm/activities', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const texts = async (call: Session['call']) =>
    ((await call('GET', '/api/v1/notifications')).json().items as { text: string }[]).map((n) => n.text);

  beforeAll(async () => {
    await addPeople(api(), {
      departments: [{ id: 'sales', head: 'olga' }],
      users: [
        { id: 'olga', departmentId: 'sales', canSignIn: true },
        { id: 'ivan', departmentId: 'sales', canSignIn: true },
        { id: 'petr', canSignIn: true },
      ],
    });
    sales = await createPipeline(api().call);
  });

  it('plans, reschedules and completes a call on a deal', async () => {
    const a = api();
    const deal = await newDeal('Ангар');
    const call = await plan(ivan, {
      dealId: deal.id,
      kind: 'call',
      title: 'Call back',
      dueAt: at(a.clock.now + DAY),
    });
    expect(call).toMatchObject({
      dealId: deal.id,
      dealTitle: 'Ангар',
      entity: 'deal',
      kind: 'call',
      responsibleId: 'ivan',
      overdue: false,
      doneAt: null,
      robotId: null,
    });
    const meeting = await plan(ivan, {
      dealId: deal.id,
      kind: 'meeting',
      title: 'Site visit',
      dueAt: at(a.clock.now + HOUR),
    });
    const open = (await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}&status=open`)).json().items;
    expect(open.map((x: { title: string }) => x.title)).toEqual(['Site visit', 'Call back']);

    const moved = await ivan('PATCH', `/api/v1/crm/activities/${meeting.id}`, {
      dueAt: at(a.clock.now + 2 * DAY),
    });
    expect(moved.json().dueAt).toBe(at(a.clock.now + 2 * DAY));
    const done = await ivan('POST', `/api/v1/crm/activities/${call.id}/complete`, {
      result: 'Agreed on Tuesday',
    });
    expect(done.json()).toMatchObject({
      result: 'Agreed on Tuesday',
      doneBy: 'ivan',
      doneAt: at(a.clock.now),
    });
    const again = await ivan('PATCH', `/api/v1/crm/activities/${call.id}`, { title: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ACTIVITY_DONE');
    expect((await ivan('POST', `/api/v1/crm/activities/${call.id}/complete`, {})).statusCode).toBe(409);
    const past = (await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}&status=done`)).json().items;
    expect(past.map((x: { id: string }) => x.id)).toEqual([call.id]);
  });

  it("tells whoever does it, the deal's manager and their head when a deadline passes undone, once", async () => {
    const a = api();
    const deal = await newDeal('Склад');
    const late = await plan(ivan, {
      dealId: deal.id,
      kind: 'call',
      title: 'Call the buyer',
      dueAt: at(a.clock.now + HOUR),
    });
    const finished = await plan(ivan, {
      dealId: deal.id,
      kind: 'task',
      title: 'Send the price',
      dueAt: at(a.clock.now + HOUR),
    });
    const moved = await plan(ivan, {
      dealId: deal.id,
      kind: 'email',
      title: 'Write to the lawyer',
      dueAt: at(a.clock.now + HOUR),
    });
    await ivan('POST', `/api/v1/crm/activities/${finished.id}/complete`, {});
    await ivan('PATCH', `/api/v1/crm/activities/${moved.id}`, { dueAt: at(a.clock.now + 3 * HOUR) });

    a.clock.now += 2 * HOUR;
    await runDueJobs(a.baton.rt);
    const notice = 'Overdue: “Call the buyer — Склад” (ivan)';
    expect((await texts(ivan)).filter((t) => t.includes('Склад'))).toEqual([notice]);
    expect((await texts(olga)).filter((t) => t.includes('Склад'))).toEqual([notice]);
    const overdue = (await ivan('GET', '/api/v1/crm/activities?overdue=true')).json().items;
    expect(overdue.map((x: { id: string; overdue: boolean }) => [x.id, x.overdue])).toContainEqual([
      late.id,
      true,
    ]);
    expect(overdue.map((x: { id: string }) => x.id)).not.toContain(moved.id);

    a.clock.now += 2 * HOUR;
    await runDueJobs(a.baton.rt);
    expect((await texts(ivan)).filter((t) => t.includes('Склад'))).toEqual([
      'Overdue: “Write to the lawyer — Склад” (ivan)',
      notice,
    ]);
  });

  it('lets an assistant do an activity on a deal they do not otherwise see', async () => {
    const deal = await newDeal('Баня');
    const own = await plan(ivan, {
      dealId: deal.id,
      kind: 'task',
      title: 'Prepare the contract',
      dueAt: at(START + 30 * DAY),
    });
    const theirs = await plan(ivan, {
      dealId: deal.id,
      kind: 'call',
      title: 'Confirm the delivery',
      dueAt: at(START + 30 * DAY),
      responsibleId: 'petr',
    });
    expect((await petr('GET', `/api/v1/crm/deals/${deal.id}`)).statusCode).toBe(404);
    const mine = (await petr('GET', '/api/v1/crm/activities?status=open')).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([theirs.id]);
    expect((await petr('GET', `/api/v1/crm/activities/${own.id}`)).statusCode).toBe(404);
    const done = await petr('POST', `/api/v1/crm/activities/${theirs.id}/complete`, {
      result: 'Tomorrow 10:00',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await petr('DELETE', `/api/v1/crm/activities/${own.id}`)).statusCode).toBe(404);
    const foreign = await petr('POST', '/api/v1/crm/activities', {
      dealId: deal.id,
      kind: 'call',
      title: 'x',
      dueAt: at(START),
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ code: 'BAD_REFERENCE', errors: [{ path: 'body.dealId' }] });
    const shape = await ivan('POST', '/api/v1/crm/activities', {
      dealId: deal.id,
      kind: 'fax',
      title: '',
      dueAt: 'soon',
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.dueAt', 'body.kind', 'body.title']);
    const nobody = await ivan('POST', '/api/v1/crm/activities', {
      dealId: deal.id,
      kind: 'call',
      title: 'x',
      dueAt: at(START),
      responsibleId: 'ghost',
    });
    expect(nobody.json().errors[0].path).toBe('body.responsibleId');

    // A deal deleted takes its activities with it.
    expect((await ivan('DELETE', `/api/v1/crm/deals/${deal.id}`)).statusCode).toBe(204);
    expect((await ivan('GET', `/api/v1/crm/activities/${own.id}`)).statusCode).toBe(404);
  });

  it('has a robot plan the next call when a deal enters a stage', async () => {
    const a = api();
    const stage = sales.stages.find((s) => s.name === 'Quote sent')?.id as string;
    const incomplete = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage,
      name: 'Plan a call',
      action: 'activity',
      message: 'Call',
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors[0].path).toBe('body.activityKind');
    const robot = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage,
      name: 'Plan a call',
      action: 'activity',
      activityKind: 'call',
      activityDue: 'P1D',
      message: 'Call {{ deal.company }}: has the quote for «{{ deal.title }}» arrived?',
    });
    expect(robot.statusCode, robot.body).toBe(201);
    expect(robot.json()).toMatchObject({
      action: 'activity',
      activityKind: 'call',
      activityDue: 'P1D',
      notifyHead: false,
    });
    const deal = await newDeal('Гараж');
    await ivan('PATCH', `/api/v1/crm/deals/${deal.id}`, { stageId: stage });
    await runDueJobs(a.baton.rt);
    const planned = (await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}`)).json().items;
    expect(planned).toMatchObject([
      {
        kind: 'call',
        title: 'Call ООО Ромашка: has the quote for «Гараж» arrived?',
        responsibleId: 'ivan',
        robotId: robot.json().id,
        dueAt: at(a.clock.now + DAY),
      },
    ]);
    await runDueJobs(a.baton.rt);
    expect((await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}`)).json().items).toHaveLength(1);
    expect((await a.call('DELETE', `/api/v1/crm/robots/${robot.json().id}`)).statusCode).toBe(204);
  });
});
