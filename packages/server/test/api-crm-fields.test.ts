import { beforeAll, expect, it } from 'vitest';
import { updateDocumentHandler } from '../src/crm/update-document.ts';
import { apiSuite } from './api-harness.ts';
import { created, createPipeline, itemProcess, type PipelineBody } from './support/crm.ts';
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
    const res = await a.call('PUT', '/api/v1/crm/deal-fields', {
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
    const list = (await ivan.call('GET', '/api/v1/crm/deal-fields')).json().items;
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
    expect((await ivan.call('PUT', '/api/v1/crm/deal-fields', { items: [] })).statusCode).toBe(403);
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
    const res = await api().call('PUT', '/api/v1/crm/deal-fields', {
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
    const builtIn = await api().call('PUT', '/api/v1/crm/deal-fields', {
      items: [{ key: 'title', label: 'T', type: 'string' }],
    });
    expect(builtIn.statusCode).toBe(400);
    expect(builtIn.json().errors[0].path).toBe('body.items.0.key');
    expect((await api().call('GET', '/api/v1/crm/deal-fields')).json().items).toHaveLength(4);
  });
});
