import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import {
  created,
  createLeadPipeline,
  createPipeline,
  itemProcess,
  namesOf,
  type PipelineBody,
} from './support/crm.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

/** Calls the lead back: the task goes to its manager, who notes the phone they reached. */
const callBack = itemProcess('lead-call-back', 'lead', [
  {
    id: 'call',
    type: 'userTask',
    config: { kind: 'acknowledge', assignees: ['document.responsible'], title: 'Call {{ document.phone }}' },
  },
  {
    id: 'note',
    type: 'setFields',
    config: { fields: { phone: "'+7 999 000-00-00'", stage: "'In progress'" } },
  },
]);

apiSuite('leads', (api) => {
  let leads: PipelineBody;
  let sales: PipelineBody;
  let ivan: Session;
  let zoya: Session;
  beforeAll(async () => {
    const a = api();
    await addPeople(a, usersWhoSignIn('ivan', 'zoya'));
    ivan = await signIn(a.app, 'ivan');
    zoya = await signIn(a.app, 'zoya');
    sales = await createPipeline(a.call);
    leads = await createLeadPipeline(a.call);
    await a.publish(callBack);
  });

  it('keeps lead pipelines apart from deal pipelines', async () => {
    expect(leads.entity).toBe('lead');
    expect(await namesOf(ivan.call, '/api/v1/crm/pipelines')).toEqual(['Sales']);
    expect(await namesOf(ivan.call, '/api/v1/crm/pipelines?entity=lead')).toEqual(['Leads']);
    const wrong = await ivan.call('POST', '/api/v1/crm/leads', { name: 'X', pipelineId: sales.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { path: 'body.pipelineId', message: `there is no lead pipeline ${sales.id}` },
    ]);
    const asDeal = await ivan.call('POST', '/api/v1/crm/deals', { title: 'X', pipelineId: leads.id });
    expect(asDeal.json().errors).toEqual([
      { path: 'body.pipelineId', message: `there is no deal pipeline ${leads.id}` },
    ]);
    await created(ivan.call, 'leads', { name: 'Apart' });
    await created(ivan.call, 'deals', { title: 'Apart deal', pipelineId: sales.id });
    // A list filtered by the other kind's pipeline or stage is empty, not the other kind's items.
    expect(await namesOf(ivan.call, `/api/v1/crm/deals?pipelineId=${leads.id}`)).toEqual([]);
    expect(await namesOf(ivan.call, `/api/v1/crm/deals?stageId=${leads.stages[0]?.id}`)).toEqual([]);
    expect(await namesOf(ivan.call, `/api/v1/crm/leads?stageId=${sales.stages[0]?.id}`)).toEqual([]);
    expect(await namesOf(ivan.call, `/api/v1/crm/leads?pipelineId=${leads.id}`)).toEqual(['Apart']);
    expect(await namesOf(ivan.call, `/api/v1/crm/deals?stageId=${sales.stages[0]?.id}`)).toEqual([
      'Apart deal',
    ]);
  });

  it('takes a lead at the first stage, titled after who it is from, and finds it by any of its details', async () => {
    const lead = await created(ivan.call, 'leads', {
      name: 'Анна Петрова',
      companyTitle: 'ООО Ромашка',
      phone: '+7 900 111-22-33',
      email: 'anna@romashka.ru',
      source: 'site',
      amount: 50_000,
    });
    expect(lead).toMatchObject({
      title: 'Анна Петрова, ООО Ромашка',
      stageName: 'New',
      pipelineId: leads.id,
      responsibleId: 'ivan',
      convertedDealId: null,
    });
    expect(await namesOf(ivan.call, '/api/v1/crm/leads?q=111-22')).toEqual(['Анна Петрова, ООО Ромашка']);
    expect(await namesOf(ivan.call, '/api/v1/crm/deals?q=%D0%B0%D0%BD%D0%BD%D0%B0')).toEqual([]);
    expect((await zoya.call('GET', `/api/v1/crm/leads/${lead.id}`)).statusCode).toBe(404);
    const nothing = await ivan.call('POST', '/api/v1/crm/leads', { comment: 'who?' });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().errors[0].path).toBe('body');
  });

  it('converts a lead into a contact, a company and a deal, once', async () => {
    const lead = await created(ivan.call, 'leads', {
      name: 'Пётр Сидоров',
      companyTitle: 'АО Стройка',
      email: 'petr@stroika.ru',
      amount: 120_000,
      comment: 'wants a crane',
    });
    const res = await ivan.call('POST', `/api/v1/crm/leads/${lead.id}/convert`, {});
    expect(res.statusCode, res.body).toBe(200);
    const { lead: after, deal } = res.json();
    expect(deal).toMatchObject({
      title: 'Пётр Сидоров, АО Стройка',
      pipelineId: sales.id,
      stageName: 'New',
      amount: 120_000,
      contactName: 'Пётр Сидоров',
      companyName: 'АО Стройка',
      responsibleId: 'ivan',
      comment: 'wants a crane',
    });
    expect(after).toMatchObject({ stageName: 'Converted', stageKind: 'won', convertedDealId: deal.id });
    expect(after.closedAt).not.toBeNull();
    const contact = (await ivan.call('GET', `/api/v1/crm/contacts/${deal.contactId}`)).json();
    expect(contact).toMatchObject({ email: 'petr@stroika.ru', companyId: null });

    const again = await ivan.call('POST', `/api/v1/crm/leads/${lead.id}/convert`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('LEAD_CONVERTED');

    // A second lead from the same person and company links them rather than making new ones.
    const second = await created(ivan.call, 'leads', {
      name: 'Пётр',
      companyTitle: 'ао стройка',
      email: 'PETR@stroika.ru',
    });
    const converted = (
      await ivan.call('POST', `/api/v1/crm/leads/${second.id}/convert`, { title: 'Second crane' })
    ).json();
    expect(converted.deal).toMatchObject({
      title: 'Second crane',
      contactId: deal.contactId,
      companyId: deal.companyId,
    });
    expect(await namesOf(ivan.call, `/api/v1/crm/contacts?q=petr@`)).toEqual(['Пётр Сидоров']);
  });

  it('runs robots and processes on leads like on deals', async () => {
    const a = api();
    const robot = await a.call('POST', `/api/v1/crm/pipelines/${leads.id}/robots`, {
      stageId: leads.stages[0]?.id,
      name: 'New lead',
      action: 'startProcess',
      definitionKey: callBack.key,
    });
    expect(robot.statusCode, robot.body).toBe(201);
    const lead = await created(ivan.call, 'leads', { name: 'Олег', phone: '+7 900 555' });
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot']);
    const processes = (await ivan.call('GET', `/api/v1/instances?documentRef=lead:${lead.id}`)).json().items;
    expect(processes).toHaveLength(1);
    const [task] = await a.openTasks(processes[0].id);
    expect((await ivan.call('GET', `/api/v1/tasks/${task?.id}`)).json()).toMatchObject({
      title: 'Call +7 900 555',
    });
    await ivan.call('POST', `/api/v1/tasks/${task?.id}/complete`, { outcome: 'acknowledged' });
    expect(await runDueJobs(a.baton.rt)).toEqual(['updateDocument']);
    const after = (await ivan.call('GET', `/api/v1/crm/leads/${lead.id}`)).json();
    expect(after).toMatchObject({ phone: '+7 999 000-00-00', stageName: 'In progress', fields: {} });
    await a.call('DELETE', `/api/v1/crm/robots/${robot.json().id}`);
  });
});
