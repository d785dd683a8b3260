import { afterEach, beforeAll, expect, it } from 'vitest';
import { quoteEmailHandler } from '../src/crm/quotes/quote-email.ts';
import { apiSuite } from './api-harness.ts';
import { created, createPipeline, type PipelineBody } from './support/crm.ts';
import { pdfText } from './support/documents.ts';
import { runDueJobs, startTestWorker } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';
import { startSmtpReceiver } from './support/smtp-receiver.ts';

const DAY = 86_400_000;

/** Quotes (коммерческие предложения) for deals: rows from the catalogue, PDF, sending, the client's answer. */
apiSuite('quotes', (api) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  let sales: PipelineBody;
  let ivan: Session;
  let petr: Session;
  let olga: Session;
  let board: { id: string };
  let delivery: { id: string };
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
    sales = await createPipeline(a.call);
    const product = async (body: Record<string, unknown>) => {
      const res = await a.call('POST', '/api/v1/crm/products', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    board = await product({ name: 'Гипсокартон 12,5 мм', sku: 'GKL-12', unit: 'm2', price: 1299.9 });
    delivery = await product({ name: 'Delivery from Germany', price: 500, currency: 'EUR' });
    ivan = await signIn(a.app, 'ivan');
    petr = await signIn(a.app, 'petr');
    olga = await signIn(a.app, 'olga');
  });
  const stage = (name: string) => sales.stages.find((s) => s.name === name)?.id as string;
  const newDeal = async (s: Session, title: string, email: string | null = 'zakaz@romashka.example') => {
    const company = await created(s.call, 'companies', { name: 'ООО Ромашка', email });
    return created(s.call, 'deals', { title, pipelineId: sales.id, companyId: company.id });
  };
  const quote = async (s: Session, body: Record<string, unknown>) => {
    const res = await s.call('POST', '/api/v1/crm/quotes', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const twoRows = () => [
    { productId: board.id, quantity: 3.5, discount: 5.5 },
    { name: 'Доставка', unit: 'trip', quantity: 1, price: 5000 },
  ];

  it('prices rows from the catalogue exactly, a discount and a fraction included', async () => {
    const deal = await newDeal(ivan, 'Ремонт офиса');
    const q = await quote(ivan, { dealId: deal.id, rows: twoRows(), validUntil: '2030-01-31' });
    expect(q).toMatchObject({
      dealId: deal.id,
      dealTitle: 'Ремонт офиса',
      status: 'draft',
      currency: 'RUB',
      validUntil: '2030-01-31',
      language: 'en',
      version: 1,
      rows: [
        // 1,299.90 × 3.5 × 0.945 = 4,299.41925
        {
          productId: board.id,
          name: 'Гипсокартон 12,5 мм',
          unit: 'm2',
          quantity: 3.5,
          price: 1299.9,
          discount: 5.5,
          total: 4299.42,
        },
        {
          productId: null,
          name: 'Доставка',
          unit: 'trip',
          quantity: 1,
          price: 5000,
          discount: 0,
          total: 5000,
        },
      ],
      total: 9299.42,
    });
    // The catalogue's price changes; the quote keeps what the client was offered.
    await api().call('PATCH', `/api/v1/crm/products/${board.id}`, { price: 1400 });
    expect((await ivan.call('GET', `/api/v1/crm/quotes/${q.id}`)).json().total).toBe(9299.42);
    await api().call('PATCH', `/api/v1/crm/products/${board.id}`, { price: 1299.9 });

    const changed = await ivan.call('PATCH', `/api/v1/crm/quotes/${q.id}`, {
      version: 1,
      rows: [{ productId: board.id, quantity: 10 }],
      comment: 'Оплата 50 % вперёд',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, total: 12999, comment: 'Оплата 50 % вперёд' });
    const stale = await ivan.call('PATCH', `/api/v1/crm/quotes/${q.id}`, { version: 1, comment: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('names every row that cannot be priced, and writes nothing', async () => {
    const deal = await newDeal(ivan, 'Склад');
    const res = await ivan.call('POST', '/api/v1/crm/quotes', {
      dealId: deal.id,
      rows: [
        { productId: 'nope', quantity: 1 },
        { name: 'Free row', quantity: 1 },
        { productId: delivery.id, quantity: 1 },
        { productId: delivery.id, quantity: 1, price: 52000 },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'INVALID_QUOTE' });
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.rows.0.productId',
      'body.rows.0.name',
      'body.rows.1.price',
      'body.rows.2.price',
    ]);
    expect(res.json().errors[3].message).toMatch(/priced in EUR, the quote is in RUB/);
    const shape = await ivan.call('POST', '/api/v1/crm/quotes', {
      dealId: deal.id,
      rows: [{ name: 'x', price: 1, quantity: 0.0001, discount: 101 }],
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.rows.0.discount', 'body.rows.0.quantity']);
    expect((await ivan.call('GET', `/api/v1/crm/quotes?dealId=${deal.id}`)).json().items).toEqual([]);
    // A free row without a unit is counted in pieces, in the quote's language.
    const free = await quote(ivan, {
      dealId: deal.id,
      language: 'ru',
      rows: [{ name: 'Монтаж', quantity: 2, price: 10 }],
    });
    expect(free.rows[0]).toMatchObject({ unit: 'шт.', total: 20 });
  });

  it('shows a quote to whoever sees its deal, and to no one else', async () => {
    const deal = await newDeal(ivan, 'Видимость');
    const q = await quote(ivan, { dealId: deal.id, rows: twoRows() });
    expect((await petr.call('GET', `/api/v1/crm/quotes/${q.id}`)).statusCode).toBe(404);
    expect((await petr.call('GET', `/api/v1/crm/quotes/${q.id}/pdf`)).statusCode).toBe(404);
    expect((await petr.call('POST', `/api/v1/crm/quotes/${q.id}/accept`)).statusCode).toBe(404);
    const ids = async (s: Session) =>
      ((await s.call('GET', '/api/v1/crm/quotes?limit=200')).json().items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await ids(petr)).not.toContain(q.id);
    expect(await ids(olga)).toContain(q.id); // the head of sales
    const foreign = await petr.call('POST', '/api/v1/crm/quotes', { dealId: deal.id, rows: [] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ code: 'BAD_REFERENCE', errors: [{ path: 'body.dealId' }] });
  });

  it('numbers quotes one after another, even when made at once', async () => {
    const deal = await newDeal(ivan, 'Много КП');
    const made = await Promise.all(
      Array.from({ length: 8 }, () => ivan.call('POST', '/api/v1/crm/quotes', { dealId: deal.id, rows: [] })),
    );
    expect(made.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const numbers = made.map((r) => r.json().number as number).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(8);
    expect((numbers.at(-1) as number) - (numbers[0] as number)).toBe(7);
    const page = (await ivan.call('GET', `/api/v1/crm/quotes?dealId=${deal.id}&limit=5`)).json();
    expect(page.items.map((q: { number: number }) => q.number)).toEqual(numbers.slice(3).reverse());
    const rest = (
      await ivan.call('GET', `/api/v1/crm/quotes?dealId=${deal.id}&cursor=${page.nextCursor}`)
    ).json();
    expect(rest.items.map((q: { number: number }) => q.number)).toEqual(numbers.slice(0, 3).reverse());
  });

  it('shows VAT included in the prices, or on top of them, exactly — on the quote and in its PDF', async () => {
    const deal = await newDeal(ivan, 'НДС');
    // 9,299.42 including 22 %: 9,299.42 × 22 / 122 = 1,676.94.
    const q = await quote(ivan, { dealId: deal.id, rows: twoRows(), vatRate: 22, language: 'ru' });
    expect(q).toMatchObject({ vatRate: 22, vatIncluded: true, vat: 1676.94, total: 9299.42 });
    const included = (
      await pdfText((await ivan.call('GET', `/api/v1/crm/quotes/${q.id}/pdf`)).rawPayload)
    ).replace(/\s+/g, ' ');
    expect(included).toContain('Итого 9 299,42 ₽');
    expect(included).toContain('В том числе НДС 22 % 1 676,94 ₽');

    // On top: 9,299.42 + 22 % = 9,299.42 + 2,045.87 — what the client pays grows.
    const onTop = await ivan.call('PATCH', `/api/v1/crm/quotes/${q.id}`, { vatIncluded: false });
    expect(onTop.json()).toMatchObject({ vatRate: 22, vatIncluded: false, vat: 2045.87, total: 11345.29 });
    const text = (
      await pdfText((await ivan.call('GET', `/api/v1/crm/quotes/${q.id}/pdf`)).rawPayload)
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Сумма без НДС 9 299,42 ₽');
    expect(text).toContain('НДС 22 % 2 045,87 ₽');
    expect(text).toContain('Итого с НДС 11 345,29 ₽');

    // New rows keep the VAT terms; no VAT shows none; a rate has two decimals at most.
    const rows = await ivan.call('PATCH', `/api/v1/crm/quotes/${q.id}`, {
      rows: [{ productId: board.id, quantity: 10 }],
    });
    expect(rows.json()).toMatchObject({ vat: 2859.78, total: 15858.78 });
    const copy = (await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/copy`)).json();
    expect(copy).toMatchObject({ vatRate: 22, vatIncluded: false, total: 15858.78 });
    const none = await ivan.call('PATCH', `/api/v1/crm/quotes/${q.id}`, { vatRate: null });
    expect(none.json()).toMatchObject({ vatRate: null, vat: 0, total: 12999 });
    const bad = await ivan.call('PATCH', `/api/v1/crm/quotes/${q.id}`, { vatRate: 22.555 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.vatRate');
  });

  it('lays the quote out as PDF in its language', async () => {
    const deal = await newDeal(ivan, 'PDF');
    const q = await quote(ivan, {
      dealId: deal.id,
      rows: twoRows(),
      language: 'ru',
      validUntil: '2030-01-31',
    });
    const res = await ivan.call('GET', `/api/v1/crm/quotes/${q.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`КП-${q.number}.pdf`));
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain(`Коммерческое предложение № ${q.number}`);
    expect(text).toContain('Для: ООО Ромашка');
    expect(text).toContain('Гипсокартон 12,5 мм');
    expect(text).toContain('4 299,42 ₽');
    expect(text).toContain('Итого 9 299,42 ₽');
    expect(text).toContain('Предложение действительно до 31.01.2030');
    expect(text).toContain('Ваш менеджер: ivan');
  });

  it('mails the quote as PDF, moves the deal, and the forgotten client is reminded a week later', async () => {
    const a = api();
    const receiver = await startSmtpReceiver();
    cleanups.push(() => receiver.close());
    const mail = {
      url: `smtp://127.0.0.1:${receiver.port}`,
      from: 'Sales <sales@firm.example>',
      publicUrl: null,
    };
    const robot = await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: stage('Quote sent'),
      name: 'Forgotten client',
      action: 'notify',
      delay: 'P7D',
      message: '{{ responsible.name }}, remind {{ deal.company }} about the quote for «{{ deal.title }}»',
    });
    expect(robot.statusCode, robot.body).toBe(201);
    const deal = await newDeal(ivan, 'Ангар');
    const q = await quote(ivan, { dealId: deal.id, rows: twoRows(), language: 'ru' });

    const sent = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/send`, { stageId: stage('Quote sent') });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', sentTo: ['zakaz@romashka.example'] });
    expect((await ivan.call('GET', `/api/v1/crm/deals/${deal.id}`)).json().stageName).toBe('Quote sent');
    const worker = startTestWorker(a.baton.rt, [quoteEmailHandler(mail)]);
    cleanups.push(() => worker.stop());
    await expect.poll(() => receiver.accepted().length).toBe(1);
    const got = receiver.accepted()[0];
    expect(got?.envelopeTo).toEqual(['zakaz@romashka.example']);
    expect(got?.mail.subject).toBe(`Коммерческое предложение № ${q.number}`);
    expect(got?.mail.text).toContain('во вложении');
    const [attachment] = got?.mail.attachments ?? [];
    expect(attachment?.filename).toBe(`КП-${q.number}.pdf`);
    expect(attachment?.contentType).toBe('application/pdf');
    expect(await pdfText(attachment?.content as Buffer)).toContain('Доставка');

    // What the client has does not change: copy it to make a new version.
    const edit = await ivan.call('PATCH', `/api/v1/crm/quotes/${q.id}`, { comment: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('QUOTE_NOT_DRAFT');
    expect((await ivan.call('DELETE', `/api/v1/crm/quotes/${q.id}`)).statusCode).toBe(409);

    await worker.stop();
    a.clock.now += 7 * DAY;
    await runDueJobs(a.baton.rt);
    const ivanNow = await signIn(a.app, 'ivan');
    const notices = (await ivanNow.call('GET', '/api/v1/notifications')).json().items as { text: string }[];
    expect(notices.map((n) => n.text)).toContain('ivan, remind ООО Ромашка about the quote for «Ангар»');
    expect((await a.call('DELETE', `/api/v1/crm/robots/${robot.json().id}`)).statusCode).toBe(204);
    ivan = ivanNow;
    petr = await signIn(a.app, 'petr');
    olga = await signIn(a.app, 'olga');
  });

  it("takes the client's answer: an accepted quote's total becomes the deal's amount", async () => {
    const deal = await newDeal(ivan, 'Ответ');
    const q = await quote(ivan, { dealId: deal.id, rows: twoRows() });
    const copy = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/copy`);
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ status: 'draft', total: 9299.42, rows: q.rows });
    expect(copy.json().number).toBeGreaterThan(q.number);

    const accepted = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/accept`);
    expect(accepted.json().status).toBe('accepted');
    expect((await ivan.call('GET', `/api/v1/crm/deals/${deal.id}`)).json()).toMatchObject({
      amount: 9299.42,
      currency: 'RUB',
    });
    const again = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/decline`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('QUOTE_CLOSED');
    expect((await ivan.call('POST', `/api/v1/crm/quotes/${copy.json().id}/decline`)).json().status).toBe(
      'declined',
    );
  });

  it('asks whom to send to when the client has no address', async () => {
    const deal = await newDeal(ivan, 'Без почты', null);
    const q = await quote(ivan, { dealId: deal.id, rows: twoRows() });
    const res = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/send`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'NO_RECIPIENT', errors: [{ path: 'body.to' }] });
    expect((await ivan.call('GET', `/api/v1/crm/quotes/${q.id}`)).json().status).toBe('draft');
    const bad = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/send`, { to: ['not an address'] });
    expect(bad.statusCode).toBe(400);
    const wrongStage = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/send`, {
      to: ['boss@client.example'],
      stageId: 'nope',
    });
    expect(wrongStage.statusCode).toBe(422);
    expect(wrongStage.json().errors[0].path).toBe('body.stageId');
    expect((await ivan.call('GET', `/api/v1/crm/quotes/${q.id}`)).json().status).toBe('draft');
    const ok = await ivan.call('POST', `/api/v1/crm/quotes/${q.id}/send`, { to: ['boss@client.example'] });
    expect(ok.json()).toMatchObject({ status: 'sent', sentTo: ['boss@client.example'] });
  });
});
