import { beforeAll, expect, it } from 'vitest';
import { updateDocumentHandler } from '../src/crm/update-document.ts';
import { apiSuite } from './api-harness.ts';
import {
  created,
  createLeadPipeline,
  createPipeline,
  itemProcess,
  type PipelineBody,
} from './support/crm.ts';
import { jobOf } from './support/jobs.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

/** A process that closes its deal as won. */
const closeWon = itemProcess('close-won', 'deal', [
  { id: 'win', type: 'setFields', config: { fields: { stage: "'Won'" } } },
]);

apiSuite('deal fields', (api) => {
  let sales: PipelineBody;
  let ivan: Session;
  const won = () => sales.stages.find((s) => s.name === 'Won')?.id as string;
  beforeAll(async () => {
    const a = api();
    await addPeople(a, usersWhoSignIn('ivan'));
    ivan = await signIn(a.app, 'ivan');
    sales = await createPipeline(a.call);
    await a.publish(closeWon);
    const res = await a.call('PUT', '/api/v1/crm/fields/deal', {
      items: [
        { key: 'payment', label: 'Payment', type: 'select', options: ['cash', 'card'], required: true },
        { key: 'floors', label: 'Floors', type: 'number' },
        { key: 'signedOn', label: 'Signed on', type: 'date', requiredAtStages: [won()] },
        { key: 'vip', label: 'VIP', type: 'boolean' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('lists the fields in order, for everyone; only process administrators change them', async () => {
    const list = (await ivan.call('GET', '/api/v1/crm/fields/deal')).json().items;
    expect(list).toEqual([
      {
        key: 'payment',
        label: 'Payment',
        type: 'select',
        options: ['cash', 'card'],
        required: true,
        requiredAtStages: [],
      },
      { key: 'floors', label: 'Floors', type: 'number', options: [], required: false, requiredAtStages: [] },
      {
        key: 'signedOn',
        label: 'Signed on',
        type: 'date',
        options: [],
        required: false,
        requiredAtStages: [won()],
      },
      { key: 'vip', label: 'VIP', type: 'boolean', options: [], required: false, requiredAtStages: [] },
    ]);
    expect((await ivan.call('PUT', '/api/v1/crm/fields/deal', { items: [] })).statusCode).toBe(403);
  });

  it('checks each value against its field, naming it', async () => {
    const res = await ivan.call('POST', '/api/v1/crm/deals', {
      title: 'Дом',
      pipelineId: sales.id,
      fields: { payment: 'barter', floors: 'nine', vip: 'yes', signedOn: '2030-02-30x', other: 'free' },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('INVALID_FIELDS');
    expect(res.json().errors).toEqual([
      { path: 'body.fields.payment', message: 'Payment must be one of cash, card' },
      { path: 'body.fields.floors', message: 'Floors must be a number' },
      { path: 'body.fields.signedOn', message: 'Signed on must be a date (YYYY-MM-DD)' },
      { path: 'body.fields.vip', message: 'VIP must be true or false' },
    ]);
    const missing = await ivan.call('POST', '/api/v1/crm/deals', { title: 'Дом', pipelineId: sales.id });
    expect(missing.json().errors).toEqual([
      { path: 'body.fields.payment', message: 'Payment must be filled' },
    ]);
  });

  it('keeps a deal from a stage until the fields it needs there are filled', async () => {
    const deal = await created<{ id: string; version: number }>(ivan.call, 'deals', {
      title: 'Дом',
      pipelineId: sales.id,
      fields: { payment: 'card', floors: 9, extra: 'kept as it is' },
    });
    const url = `/api/v1/crm/deals/${deal.id}`;
    const refused = await ivan.call('PATCH', url, { stageId: won() });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: 'body.fields.signedOn', message: 'Signed on must be filled at the stage Won' },
    ]);
    expect((await ivan.call('GET', url)).json()).toMatchObject({ stageName: 'New', version: 1 });
    const ok = await ivan.call('PATCH', url, {
      stageId: won(),
      fields: { payment: 'card', floors: 9, extra: 'kept as it is', signedOn: '2030-02-01' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().fields).toEqual({
      payment: 'card',
      floors: 9,
      extra: 'kept as it is',
      signedOn: '2030-02-01',
    });
  });

  it('lets a process write back only what the fields allow, naming what is missing', async () => {
    const a = api();
    const deal = await created(ivan.call, 'deals', {
      title: 'Баня',
      pipelineId: sales.id,
      fields: { payment: 'cash' },
    });
    const id = (
      await ivan.call('POST', '/api/v1/instances', {
        definitionKey: closeWon.key,
        documentRef: `deal:${deal.id}`,
      })
    ).json().id;
    const job = await jobOf(a.baton.rt, id, 'updateDocument');
    await expect(updateDocumentHandler.run(a.baton.rt, job, async () => undefined)).rejects.toThrow(
      'fields at win: Signed on must be filled at the stage Won',
    );
  });

  it('refuses fields that do not fit, naming each', async () => {
    const res = await api().call('PUT', '/api/v1/crm/fields/deal', {
      items: [
        { key: 'a', label: 'A', type: 'select' },
        { key: 'a', label: 'A again', type: 'string', requiredAtStages: ['nope'] },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'body.items.0.options', message: 'a list needs its options' },
      { path: 'body.items.1.key', message: 'a is used twice' },
      { path: 'body.items.1.requiredAtStages.0', message: 'there is no stage nope' },
    ]);
    const builtIn = await api().call('PUT', '/api/v1/crm/fields/deal', {
      items: [{ key: 'title', label: 'T', type: 'string' }],
    });
    expect(builtIn.statusCode).toBe(400);
    expect(builtIn.json().errors[0].path).toBe('body.items.0.key');
    expect((await api().call('GET', '/api/v1/crm/fields/deal')).json().items).toHaveLength(4);
  });
});

/** The company's own fields of leads, contacts and companies: each kind its own list, checked the same way. */
apiSuite('lead, contact and company fields', (api) => {
  let requests: PipelineBody;
  let ivan: Session;
  const stage = (name: string) => requests.stages.find((s) => s.name === name)?.id as string;
  beforeAll(async () => {
    const a = api();
    await addPeople(a, usersWhoSignIn('ivan'));
    ivan = await signIn(a.app, 'ivan');
    const put = (entity: string, items: unknown[]) =>
      a.call('PUT', `/api/v1/crm/fields/${entity}`, { items });
    requests = await createLeadPipeline(a.call, 'Inbound');
    const dealStage = (await createPipeline(a.call)).stages[0]?.id as string;
    // A deal pipeline's stage is no stage of a lead.
    const wrong = await put('lead', [
      { key: 'budget', label: 'Budget', type: 'number', requiredAtStages: [dealStage] },
    ]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { path: 'body.items.0.requiredAtStages.0', message: `there is no stage ${dealStage}` },
    ]);
    expect(
      (
        await put('lead', [
          { key: 'budget', label: 'Budget', type: 'number', requiredAtStages: [stage('Converted')] },
        ])
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await put('company', [
          { key: 'segment', label: 'Segment', type: 'select', options: ['dealer', 'retail'], required: true },
        ])
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await put('contact', [
          { key: 'birthday', label: 'Birthday', type: 'date' },
          { key: 'curator', label: 'Curator', type: 'user' },
        ])
      ).statusCode,
    ).toBe(200);
  });

  it('keeps each kind its own list; a contact or company field is not required at stages', async () => {
    const a = api();
    expect(
      (await ivan.call('GET', '/api/v1/crm/fields/lead')).json().items.map((f: { key: string }) => f.key),
    ).toEqual(['budget']);
    expect((await ivan.call('GET', '/api/v1/crm/fields/deal')).json().items).toEqual([]);
    const staged = await a.call('PUT', '/api/v1/crm/fields/contact', {
      items: [{ key: 'birthday', label: 'Birthday', type: 'date', requiredAtStages: [stage('New')] }],
    });
    expect(staged.json().errors).toEqual([
      { path: 'body.items.0.requiredAtStages', message: 'a contact has no stages' },
      { path: 'body.items.0.requiredAtStages.0', message: `there is no stage ${stage('New')}` },
    ]);
    expect((await a.call('GET', '/api/v1/crm/fields/partner')).statusCode).toBe(400);
  });

  it("checks a company's and a contact's values, and requires what is required", async () => {
    const none = await ivan.call('POST', '/api/v1/crm/companies', { name: 'ООО Ромашка' });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({
      code: 'INVALID_FIELDS',
      errors: [{ path: 'body.fields.segment', message: 'Segment must be filled' }],
    });
    const wrong = await ivan.call('POST', '/api/v1/crm/companies', {
      name: 'ООО Ромашка',
      fields: { segment: 'vip' },
    });
    expect(wrong.json().errors).toEqual([
      { path: 'body.fields.segment', message: 'Segment must be one of dealer, retail' },
    ]);
    const company = await created(ivan.call, 'companies', {
      name: 'ООО Ромашка',
      fields: { segment: 'dealer' },
    });
    expect(company.fields).toEqual({ segment: 'dealer' });
    expect((await ivan.call('GET', `/api/v1/crm/companies/${company.id}`)).json().fields).toEqual({
      segment: 'dealer',
    });
    // A change that leaves the fields alone does not ask for them; one that empties a required one is refused.
    expect(
      (await ivan.call('PATCH', `/api/v1/crm/companies/${company.id}`, { phone: '+7 495 000-00-00' }))
        .statusCode,
    ).toBe(200);
    const emptied = await ivan.call('PATCH', `/api/v1/crm/companies/${company.id}`, { fields: {} });
    expect(emptied.statusCode).toBe(422);
    const contact = await created(ivan.call, 'contacts', {
      name: 'Анна',
      fields: { birthday: '1990-05-01' },
    });
    expect(contact.fields).toEqual({ birthday: '1990-05-01' });
    const badDate = await ivan.call('PATCH', `/api/v1/crm/contacts/${contact.id}`, {
      fields: { birthday: '1 May' },
    });
    expect(badDate.json().errors).toEqual([
      { path: 'body.fields.birthday', message: 'Birthday must be a date (YYYY-MM-DD)' },
    ]);
    // An employee field takes an active employee's id.
    const curator = (value: unknown) =>
      ivan.call('PATCH', `/api/v1/crm/contacts/${contact.id}`, {
        fields: { birthday: '1990-05-01', curator: value },
      });
    expect((await curator('nobody')).json().errors).toEqual([
      { path: 'body.fields.curator', message: 'Curator: there is no active employee nobody' },
    ]);
    expect((await curator(7)).json().errors).toEqual([
      { path: 'body.fields.curator', message: "Curator must be an employee's id" },
    ]);
    expect((await curator('ivan')).json().fields).toEqual({ birthday: '1990-05-01', curator: 'ivan' });
    const listed = (await ivan.call('GET', '/api/v1/crm/contacts')).json().items;
    expect(listed.find((c: { id: string }) => c.id === contact.id).fields).toEqual({
      birthday: '1990-05-01',
      curator: 'ivan',
    });
  });

  it("requires a lead's field at the stage that needs it, and converting a lead makes a company without asking", async () => {
    const lead = await created(ivan.call, 'leads', {
      name: 'Сергей',
      companyTitle: 'ООО Кирпич',
      pipelineId: requests.id,
      fields: { budget: 'much' },
    }).catch(() => null);
    expect(lead).toBeNull();
    const bad = await ivan.call('POST', '/api/v1/crm/leads', {
      name: 'Сергей',
      pipelineId: requests.id,
      fields: { budget: 'much' },
    });
    expect(bad.json().errors).toEqual([{ path: 'body.fields.budget', message: 'Budget must be a number' }]);
    const made = await created(ivan.call, 'leads', {
      name: 'Сергей',
      companyTitle: 'ООО Кирпич',
      pipelineId: requests.id,
    });
    const qualify = await ivan.call('PATCH', `/api/v1/crm/leads/${made.id}`, { stageId: stage('Converted') });
    expect(qualify.statusCode).toBe(422);
    expect(qualify.json().errors).toEqual([
      { path: 'body.fields.budget', message: 'Budget must be filled at the stage Converted' },
    ]);
    expect(
      (await ivan.call('PATCH', `/api/v1/crm/leads/${made.id}`, { fields: { budget: 500000 } })).statusCode,
    ).toBe(200);
    const converted = await ivan.call('POST', `/api/v1/crm/leads/${made.id}/convert`, {});
    expect(converted.statusCode, converted.body).toBe(200);
    const deal = converted.json().deal;
    expect(deal.fields).toEqual({ budget: 500000 });
    expect((await ivan.call('GET', `/api/v1/crm/companies/${deal.companyId}`)).json().fields).toEqual({});
  });
});
