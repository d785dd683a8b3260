import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { created, createPipeline, itemProcess, type PipelineBody } from './support/crm.ts';
import { pdfText } from './support/documents.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser } from './support/people.ts';

/** An invoice listing what the deal's quote offered. */
const INVOICE =
  '# Счёт по КП № {number}\n{#rows}\n- {name}: {quantity} {unit} × {price} = {total}\n{/rows}\nИтого: {total}';

/** Made by a robot when a deal reaches "Quote sent": the invoice from the deal's quote. */
const invoice = itemProcess('deal-invoice', 'deal', [
  {
    id: 'invoice',
    type: 'createDocument',
    config: {
      template: 'deal-invoice',
      fileName: 'Счёт {{ document.title }}',
      format: 'pdf',
      data: { number: 'document.quote.number', rows: 'document.quote.rows', total: 'document.quote.total' },
    },
  },
]);

apiSuite('documents made at a stage from the deal’s quote', (api) => {
  let sales: PipelineBody;
  let board: { id: string };
  const ivan = asUser(() => api().app, 'ivan');
  const stage = (name: string) => sales.stages.find((s) => s.name === name)?.id as string;

  beforeAll(async () => {
    const a = api();
    await addPeople(a, { users: [{ id: 'ivan', canSignIn: true }] });
    sales = await createPipeline(a.call);
    const product = await a.call('POST', '/api/v1/crm/products', {
      name: 'Гипсокартон 12,5 мм',
      sku: 'GKL-12',
      unit: 'm2',
      price: 1299.9,
    });
    board = product.json();
    const template = await a.call('PUT', '/api/v1/document-templates/deal-invoice', {
      name: 'Счёт по сделке',
      kind: 'text',
      text: INVOICE,
    });
    expect(template.statusCode, template.body).toBe(201);
    await a.publish(invoice);
    const robot = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage('Quote sent'),
      name: 'Invoice',
      action: 'startProcess',
      definitionKey: invoice.key,
    });
    expect(robot.statusCode, robot.body).toBe(201);
  });

  const quote = async (dealId: string, rows: Record<string, unknown>[]) => {
    const res = await ivan('POST', '/api/v1/crm/quotes', { dealId, rows });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: number };
  };

  it("lists the accepted quote's products and prices in the document the stage's robot makes", async () => {
    const a = api();
    const deal = await created(ivan, 'deals', { title: 'Склад', pipelineId: sales.id });
    const declined = await quote(deal.id, [{ name: 'Отклонённое', quantity: 1, price: 1 }]);
    await ivan('POST', `/api/v1/crm/quotes/${declined.id}/decline`);
    const accepted = await quote(deal.id, [
      { productId: board.id, quantity: 3.5, discount: 5.5 },
      { name: 'Доставка', unit: 'рейс', quantity: 1, price: 5000 },
    ]);
    await ivan('POST', `/api/v1/crm/quotes/${accepted.id}/accept`);
    await quote(deal.id, [{ name: 'Черновик', quantity: 1, price: 2 }]); // a later draft is not it

    await ivan('PATCH', `/api/v1/crm/deals/${deal.id}`, { stageId: stage('Quote sent') });
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot', 'createDocument']);
    const [process] = (await ivan('GET', `/api/v1/instances?documentRef=deal:${deal.id}`)).json().items;
    const [doc] = (await ivan('GET', `/api/v1/instances/${process.id}/documents`)).json().items;
    expect(doc.fileName).toBe('Счёт Склад.pdf');
    const text = await pdfText((await ivan('GET', `/api/v1/documents/${doc.id}`)).rawPayload);
    expect(text).toBe(
      [
        `Счёт по КП № ${accepted.number}`,
        'Гипсокартон 12,5 мм: 3.5 m2 × 1299.9 = 4299.42',
        'Доставка: 1 рейс × 5000 = 5000',
        'Итого: 9299.42',
      ].join('\n'),
    );
  });

  it('fails the invoice of a deal with no quote at its node, saying what is missing', async () => {
    const deal = await created(ivan, 'deals', { title: 'Без КП', pipelineId: sales.id });
    const res = await ivan('POST', '/api/v1/instances', {
      definitionKey: invoice.key,
      documentRef: `deal:${deal.id}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const state = (await ivan('GET', `/api/v1/instances/${res.json().id}`)).json();
    expect(state.status).toBe('failed');
    expect(state.error).toMatchObject({ nodeId: 'invoice', code: 'EXPRESSION_FAILED' });
    expect(state.error.message).toContain('document.quote.number');
  });
});
