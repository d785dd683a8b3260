import { beforeAll, expect, it } from 'vitest';
import { triggerHandler } from '../src/crm/triggers/trigger-job.ts';
import { apiSuite } from './api-harness.ts';
import { created, createLeadPipeline, createPipeline, type PipelineBody } from './support/crm.ts';
import { runDueJobs, startTestWorker } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser } from './support/people.ts';

/** A pipeline with room to move forward: a call done, a contract, a quote's answer. */
const STAGES = [
  { name: 'New', kind: 'open' },
  { name: 'Talking', kind: 'open' },
  { name: 'Contract', kind: 'open' },
  { name: 'Paid', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
] as const;

apiSuite('triggers on pipeline stages', (api) => {
  let sales: PipelineBody;
  let other: PipelineBody;
  let leads: PipelineBody;
  const stage = (name: string, p = sales) => p.stages.find((s) => s.name === name)?.id as string;
  const as = (id: string) => asUser(() => api().app, id);
  const ivan = as('ivan');
  const petr = as('petr');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const a = api();
    await addPeople(a, {
      departments: [{ id: 'sales', head: 'olga' }],
      users: [
        { id: 'olga', departmentId: 'sales', canSignIn: true },
        { id: 'ivan', departmentId: 'sales', canSignIn: true },
        { id: 'petr', departmentId: 'sales', canSignIn: true },
      ],
    });
    sales = await createPipeline(a.call, 'Wholesale', STAGES);
    other = await createPipeline(a.call, 'Retail');
    leads = await createLeadPipeline(a.call);
    const trigger = async (p: PipelineBody, key: string, body: Record<string, unknown>) => {
      const res = await a.call('POST', `/api/v1/crm/pipelines/${p.id}/triggers`, body);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    };
    await trigger(sales, 'won', { stageId: stage('Won'), name: 'Quote accepted', event: 'quoteAccepted' });
    await trigger(sales, 'call', {
      stageId: stage('Talking'),
      name: 'A call made',
      event: 'activityCompleted',
      activityKind: 'call',
    });
    await trigger(sales, 'meeting', {
      stageId: stage('Contract'),
      name: 'A meeting held',
      event: 'activityCompleted',
      activityKind: 'meeting',
    });
    await trigger(sales, 'paid', { stageId: stage('Paid'), name: 'Paid in 1C', event: 'webhook' });
    await trigger(sales, 'declined', {
      stageId: stage('Talking'),
      name: 'Declined: talk again',
      event: 'quoteDeclined',
      allowBackward: true,
    });
    await trigger(leads, 'lead', {
      stageId: stage('In progress', leads),
      name: 'Any activity done',
      event: 'activityCompleted',
    });
    // A robot on Talking: a trigger's move sets off the stage's robots like anyone's.
    const robot = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage('Talking'),
      name: 'Tell the manager',
      action: 'notify',
      message: '{{ deal.title }} is being talked about',
    });
    expect(robot.statusCode, robot.body).toBe(201);
  });

  const newDeal = (title: string, p = sales) => created(ivan, 'deals', { title, pipelineId: p.id });
  const stageOf = async (id: string, kind = 'deals') =>
    (await ivan('GET', `/api/v1/crm/${kind}/${id}`)).json().stageId as string;
  const done = async (dealId: string, kind: string) => {
    const dueAt = new Date(api().clock.now + 86_400_000).toISOString();
    const activity = await created(ivan, 'activities', { dealId, kind, title: kind, dueAt });
    const res = await ivan('POST', `/api/v1/crm/activities/${activity.id}/complete`, {});
    expect(res.statusCode, res.body).toBe(200);
  };

  it('lists a pipeline’s triggers in stage order; only process administrators set them', async () => {
    const list = (await ivan('GET', `/api/v1/crm/pipelines/${sales.id}/triggers`)).json().items;
    expect(list.map((t: { name: string }) => t.name)).toEqual([
      'A call made',
      'Declined: talk again',
      'A meeting held',
      'Paid in 1C',
      'Quote accepted',
    ]);
    expect(list[0]).toMatchObject({
      event: 'activityCompleted',
      activityKind: 'call',
      allowBackward: false,
      active: true,
    });
    // The kind of activity is kept only where it means something.
    expect(list.find((t: { name: string }) => t.name === 'Paid in 1C').activityKind).toBeNull();
    const body = { stageId: stage('Won'), name: 'x', event: 'quoteAccepted' };
    expect((await ivan('POST', `/api/v1/crm/pipelines/${sales.id}/triggers`, body)).statusCode).toBe(403);
    expect((await ivan('PUT', `/api/v1/crm/triggers/${ids.won}`, body)).statusCode).toBe(403);
    expect((await ivan('DELETE', `/api/v1/crm/triggers/${ids.won}`)).statusCode).toBe(403);
  });

  it('refuses a stage of another pipeline, an unknown event and a missing name, naming the field', async () => {
    const a = api();
    const foreign = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/triggers`, {
      stageId: stage('Won', other),
      name: 'Elsewhere',
      event: 'quoteAccepted',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual([
      { path: 'body.stageId', message: `there is no stage ${stage('Won', other)} in this pipeline` },
    ]);
    const bad = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/triggers`, {
      stageId: stage('Won'),
      name: ' ',
      event: 'callMissed',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.event', 'body.name']);
    expect((await a.call('GET', '/api/v1/crm/pipelines/nope/triggers')).statusCode).toBe(404);
    const valid = { stageId: stage('Won'), name: 'x', event: 'webhook' };
    expect((await a.call('PUT', '/api/v1/crm/triggers/nope', valid)).statusCode).toBe(404);
    expect((await a.call('DELETE', '/api/v1/crm/triggers/nope')).statusCode).toBe(404);
  });

  it('moves a deal when its kind of activity is done, as the trigger, and the stage’s robots act', async () => {
    const a = api();
    const deal = await newDeal('Бетон М300');
    await done(deal.id, 'email');
    expect(await runDueJobs(a.baton.rt)).toEqual([]); // no trigger listens for a finished e-mail
    expect(await stageOf(deal.id)).toBe(stage('New'));
    await done(deal.id, 'call');
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmTrigger', 'crmRobot', 'notify']);
    const moved = (await ivan('GET', `/api/v1/crm/deals/${deal.id}`)).json();
    expect(moved.stageId).toBe(stage('Talking'));
    expect(moved.stages.at(-1)).toMatchObject({ stageId: stage('Talking'), by: `trigger:${ids.call}` });
    const texts = (await ivan('GET', '/api/v1/notifications'))
      .json()
      .items.map((n: { text: string }) => n.text);
    expect(texts).toContain('Бетон М300 is being talked about');
    await done(deal.id, 'meeting');
    await runDueJobs(a.baton.rt);
    expect(await stageOf(deal.id)).toBe(stage('Contract'));
  });

  it('moves only forward from an open stage, unless the trigger allows going back', async () => {
    const a = api();
    const deal = await newDeal('Кирпич');
    await ivan('PATCH', `/api/v1/crm/deals/${deal.id}`, { stageId: stage('Contract') });
    await done(deal.id, 'call'); // Talking is behind Contract
    await runDueJobs(a.baton.rt);
    expect(await stageOf(deal.id)).toBe(stage('Contract'));
    await ivan('PATCH', `/api/v1/crm/deals/${deal.id}`, { stageId: stage('Lost') });
    await done(deal.id, 'meeting'); // a lost deal is not reopened
    await runDueJobs(a.baton.rt);
    expect(await stageOf(deal.id)).toBe(stage('Lost'));

    // A declined quote brings a deal back to talking, even from Contract.
    const quoted = await newDeal('Плитка');
    await ivan('PATCH', `/api/v1/crm/deals/${quoted.id}`, { stageId: stage('Contract') });
    const quote = await created(ivan, 'quotes', {
      dealId: quoted.id,
      rows: [{ name: 'Плитка', quantity: 10, price: 900 }],
    });
    expect((await ivan('POST', `/api/v1/crm/quotes/${quote.id}/decline`)).statusCode).toBe(200);
    expect(await runDueJobs(a.baton.rt)).toContain('crmTrigger');
    expect(await stageOf(quoted.id)).toBe(stage('Talking'));
  });

  it('wins a deal when its quote is accepted, with the accepted total', async () => {
    const a = api();
    const deal = await newDeal('Профнастил');
    const quote = await created(ivan, 'quotes', {
      dealId: deal.id,
      rows: [{ name: 'Профнастил С8', quantity: 200, price: 450.5 }],
    });
    expect((await ivan('POST', `/api/v1/crm/quotes/${quote.id}/accept`)).statusCode).toBe(200);
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmTrigger']);
    const won = (await ivan('GET', `/api/v1/crm/deals/${deal.id}`)).json();
    expect(won).toMatchObject({ stageId: stage('Won'), amount: 90100 });
    expect(won.closedAt).not.toBeNull();
  });

  it('leaves a deal where it is when the stage needs a field it lacks, and says why in the outbox', async () => {
    const a = api();
    const fields = await a.call('PUT', '/api/v1/crm/fields/deal', {
      items: [
        { key: 'contract', label: 'Contract no.', type: 'string', requiredAtStages: [stage('Contract')] },
      ],
    });
    expect(fields.statusCode, fields.body).toBe(200);
    try {
      const deal = await newDeal('Газобетон');
      await done(deal.id, 'meeting');
      const job = () =>
        a.baton.rt.db.kysely
          .selectFrom('jobs')
          .select(['status', 'last_error'])
          .where('kind', '=', 'crmTrigger')
          .where('payload', 'like', `%${deal.id}%`)
          .executeTakeFirstOrThrow();
      const worker = startTestWorker(a.baton.rt, [triggerHandler]);
      try {
        await expect.poll(async () => (await job()).status).toBe('dead');
      } finally {
        await worker.stop();
      }
      expect((await job()).last_error).toBe(
        'the trigger A meeting held cannot move deal Газобетон: Contract no. must be filled at the stage Contract',
      );
      expect(await stageOf(deal.id)).toBe(stage('New'));
    } finally {
      await a.call('PUT', '/api/v1/crm/fields/deal', { items: [] });
    }
  });

  it('moves a lead too, and not a deal of another pipeline', async () => {
    const a = api();
    const lead = await created(ivan, 'leads', { title: 'С сайта', pipelineId: leads.id, name: 'Анна' });
    await done(lead.id, 'task');
    const elsewhere = await newDeal('Розница', other);
    await done(elsewhere.id, 'call');
    await runDueJobs(a.baton.rt);
    expect(await stageOf(lead.id, 'leads')).toBe(stage('In progress', leads));
    expect(await stageOf(elsewhere.id)).toBe(stage('New', other));
  });

  it('is fired by an outside system on a deal its token may change, by the same rule', async () => {
    const a = api();
    const deal = await newDeal('Счёт 1C-77');
    const fire = (call: typeof ivan, id: string, itemId: string) =>
      call('POST', `/api/v1/crm/triggers/${id}/fire`, { itemId });
    const first = await fire(ivan, ids.paid as string, deal.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ moved: true, stageId: stage('Paid') });
    expect((await fire(ivan, ids.paid as string, deal.id)).json()).toEqual({
      moved: false,
      stageId: stage('Paid'),
    });
    expect((await ivan('GET', `/api/v1/crm/deals/${deal.id}`)).json().stages.at(-1).by).toBe(
      `trigger:${ids.paid}`,
    );
    // Someone else's deal is not there for petr; only a webhook trigger is fired; a deal of another
    // pipeline is named; unknown ids are 404.
    expect((await fire(petr, ids.paid as string, deal.id)).statusCode).toBe(404);
    const notHook = await fire(ivan, ids.won as string, deal.id);
    expect(notHook.statusCode).toBe(409);
    expect(notHook.json().code).toBe('NOT_A_WEBHOOK_TRIGGER');
    const retail = await newDeal('Розница 2', other);
    const wrong = await fire(ivan, ids.paid as string, retail.id);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('body.itemId');
    expect((await fire(ivan, 'nope', deal.id)).statusCode).toBe(404);
    expect((await ivan('POST', `/api/v1/crm/triggers/${ids.paid}/fire`, {})).statusCode).toBe(400);

    // Switched off, it neither fires nor listens.
    const off = await a.call('PUT', `/api/v1/crm/triggers/${ids.paid}`, {
      stageId: stage('Paid'),
      name: 'Paid in 1C',
      event: 'webhook',
      active: false,
    });
    expect(off.json().active).toBe(false);
    const again = await fire(ivan, ids.paid as string, (await newDeal('Счёт 1C-78')).id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRIGGER_OFF');
  });

  it('goes with its stage and its pipeline', async () => {
    const a = api();
    const temp = await createPipeline(a.call, 'Temporary');
    const made = await a.call('POST', `/api/v1/crm/pipelines/${temp.id}/triggers`, {
      stageId: stage('Quote sent', temp),
      name: 'Gone with the stage',
      event: 'webhook',
    });
    expect(made.statusCode).toBe(201);
    const stages = temp.stages.filter((s) => s.name !== 'Quote sent');
    const edited = await a.call('PUT', `/api/v1/crm/pipelines/${temp.id}`, { name: 'Temporary', stages });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await a.call('GET', `/api/v1/crm/pipelines/${temp.id}/triggers`)).json().items).toEqual([]);
    await a.call('POST', `/api/v1/crm/pipelines/${temp.id}/triggers`, {
      stageId: stage('Won', temp),
      name: 'Gone with the pipeline',
      event: 'webhook',
    });
    expect((await a.call('DELETE', `/api/v1/crm/pipelines/${temp.id}`)).statusCode).toBe(204);
    const left = await a.baton.rt.db.kysely
      .selectFrom('crm_triggers')
      .select('id')
      .where('pipeline_id', '=', temp.id)
      .execute();
    expect(left).toEqual([]);
  });
});
