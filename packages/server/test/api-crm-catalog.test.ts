import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

const DAY = 86_400_000;

/** The product catalogue, suppliers' price lists and the robot that asks for new prices. */
apiSuite('products and price lists', (api) => {
  let ivan: Session;
  beforeAll(async () => {
    await addPeople(api(), { users: [{ id: 'ivan', canSignIn: true }] });
    ivan = await signIn(api().app, 'ivan');
  });
  const admin = () => api().call;
  const priceList = async (body: Record<string, unknown>) => {
    const res = await admin()('POST', '/api/v1/crm/price-lists', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const importPrices = (id: string, csv: string, dryRun = false) =>
    admin()('POST', `/api/v1/crm/price-lists/${id}/import?dryRun=${dryRun}`, csv, {
      'content-type': 'text/csv',
    });
  const products = async (query: string) => {
    const res = await ivan.call('GET', `/api/v1/crm/products?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { name: string; sku: string; price: number; unit: string; currency: string }[];
  };

  it('keeps products that everyone reads and only CRM managers change', async () => {
    const res = await admin()('POST', '/api/v1/crm/products', {
      name: 'Монтаж гипсокартона',
      sku: 'SRV-1',
      unit: 'm2',
      price: 450.5,
    });
    expect(res.statusCode, res.body).toBe(201);
    const product = res.json();
    expect(product).toMatchObject({
      sku: 'SRV-1',
      unit: 'm2',
      price: 450.5,
      currency: 'RUB',
      priceListId: null,
    });
    expect((await products('q=гипсокартон')).map((p) => p.name)).toEqual(['Монтаж гипсокартона']);
    expect((await products('q=srv-1')).map((p) => p.name)).toEqual(['Монтаж гипсокартона']);

    const refused = await ivan.call('POST', '/api/v1/crm/products', { name: 'Mine', price: 1 });
    expect(refused.statusCode).toBe(403);
    expect((await ivan.call('PATCH', `/api/v1/crm/products/${product.id}`, { price: 1 })).statusCode).toBe(
      403,
    );
    const changed = await admin()('PATCH', `/api/v1/crm/products/${product.id}`, { price: 470 });
    expect(changed.json().price).toBe(470);

    const bad = await admin()('POST', '/api/v1/crm/products', { name: 'X', price: 1.005, currency: 'rub' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.currency', 'body.price']);
    const foreign = await admin()('POST', '/api/v1/crm/products', {
      name: 'X',
      price: 1,
      priceListId: 'nope',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('body.priceListId');

    expect((await admin()('DELETE', `/api/v1/crm/products/${product.id}`)).statusCode).toBe(204);
    expect((await ivan.call('GET', `/api/v1/crm/products/${product.id}`)).statusCode).toBe(404);
  });

  it("loads a supplier's prices from CSV, all rows or none, updating articles it has", async () => {
    const knauf = await priceList({ name: 'Кнауф', email: 'prices@knauf.example' });
    const broken = await importPrices(
      knauf.id,
      'sku;name;price;colour\nGKL-12;Гипсокартон 12,5 мм;389,90;\nGKL-12;Again;1;\n;No article;1;\nNEW;;12;\nX;Bad;abc;\n',
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors.map((e: { path: string }) => e.path)).toEqual(['prices.1.colour']);
    const rows = await importPrices(
      knauf.id,
      'sku;name;price\nGKL-12;Гипсокартон 12,5 мм;389,90\nGKL-12;Again;1\n;No article;1\nNEW;;12\nX;Bad;abc\n',
    );
    expect(rows.statusCode).toBe(422);
    expect(rows.json().errors.map((e: { path: string; row: number }) => [e.path, e.row])).toEqual([
      ['prices.3.sku', 3],
      ['prices.4.sku', 4],
      ['prices.5.name', 5],
      ['prices.6.price', 6],
    ]);
    expect(await products(`priceListId=${knauf.id}`)).toEqual([]);

    const csv =
      'SKU,Name,Unit,Price\nGKL-12,"Гипсокартон 12,5 мм",sheet,389.90\nPRF-60,Профиль 60x27,m,"1 250,00"\n';
    expect((await importPrices(knauf.id, csv, true)).json()).toEqual({
      dryRun: true,
      created: 2,
      updated: 0,
    });
    expect(await products(`priceListId=${knauf.id}`)).toEqual([]);
    expect((await importPrices(knauf.id, csv)).json()).toEqual({ dryRun: false, created: 2, updated: 0 });
    expect((await products(`priceListId=${knauf.id}`)).map((p) => [p.sku, p.name, p.unit, p.price])).toEqual([
      ['GKL-12', 'Гипсокартон 12,5 мм', 'sheet', 389.9],
      ['PRF-60', 'Профиль 60x27', 'm', 1250],
    ]);
    const update = await importPrices(knauf.id, 'sku,price,currency\nGKL-12,401.50,RUB\n');
    expect(update.json()).toEqual({ dryRun: false, created: 0, updated: 1 });
    expect((await products(`priceListId=${knauf.id}`)).map((p) => [p.sku, p.name, p.price])).toEqual([
      ['GKL-12', 'Гипсокартон 12,5 мм', 401.5],
      ['PRF-60', 'Профиль 60x27', 1250],
    ]);

    // An article is one product per price list; another supplier may use the same one.
    const taken = await admin()('POST', '/api/v1/crm/products', {
      name: 'Copy',
      sku: 'GKL-12',
      price: 1,
      priceListId: knauf.id,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'SKU_TAKEN', errors: [{ path: 'body.sku' }] });
    const other = await priceList({ name: 'Волма' });
    const elsewhere = await admin()('POST', '/api/v1/crm/products', {
      name: 'Волма ГКЛ',
      sku: 'GKL-12',
      price: 350,
      priceListId: other.id,
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);

    const lists = (await ivan.call('GET', '/api/v1/crm/price-lists')).json().items;
    expect(lists.map((l: { name: string; productCount: number }) => [l.name, l.productCount])).toEqual(
      expect.arrayContaining([
        ['Волма', 1],
        ['Кнауф', 2],
      ]),
    );
    const inUse = await admin()('DELETE', `/api/v1/crm/price-lists/${knauf.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('PRICE_LIST_IN_USE');
    expect((await importPrices('nope', csv)).statusCode).toBe(404);
    expect(
      (
        await ivan.call('POST', `/api/v1/crm/price-lists/${knauf.id}/import`, csv, {
          'content-type': 'text/csv',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('asks a supplier whose prices are stale for new ones, every period until they come', async () => {
    const a = api();
    const rt = a.baton.rt;
    const list = await priceList({
      name: 'Завод Пенопласт',
      email: 'sales@foam.example',
      staleAfterDays: 10,
    });
    expect((await importPrices(list.id, 'sku,name,price\nEPS-50,Пенопласт 50 мм,120\n')).statusCode).toBe(
      200,
    );
    const requests = async () =>
      (
        await rt.db.kysely
          .selectFrom('jobs')
          .select('payload')
          .where('kind', '=', 'sendEmail')
          .where('key', 'like', `crmPriceRequest:${list.id}:%`)
          .orderBy('created_at')
          .execute()
      ).map((j) => JSON.parse(j.payload) as { to: string[]; subject: string; body: string });
    const state = async () => (await a.call('GET', `/api/v1/crm/price-lists/${list.id}`)).json();

    a.clock.now += 9 * DAY;
    await runDueJobs(rt);
    expect(await requests()).toEqual([]);
    expect((await state()).stale).toBe(false);

    a.clock.now += DAY;
    await runDueJobs(rt);
    expect((await state()).stale).toBe(true);
    expect(await requests()).toEqual([
      {
        type: 'sendEmail',
        nodeId: `priceList:${list.id}`,
        to: ['sales@foam.example'],
        subject: 'Запрос актуального прайс-листа — Завод Пенопласт',
        body: expect.stringContaining('получили 10 дн. назад'),
      },
    ]);
    expect((await state()).requestedAt).toBe(new Date(a.clock.now).toISOString());

    a.clock.now += 10 * DAY;
    await runDueJobs(rt);
    expect((await requests()).map((r) => r.body)).toEqual([
      expect.stringContaining('10 дн.'),
      expect.stringContaining('20 дн.'),
    ]);

    // New prices came: the old schedule is void, the next request is a period after them.
    await importPrices(list.id, 'sku,price\nEPS-50,125\n');
    expect(await state()).toMatchObject({ stale: false, requestedAt: null });
    a.clock.now += 9 * DAY;
    await runDueJobs(rt);
    expect(await requests()).toHaveLength(2);

    // The company changes the letter; switched off, nothing goes.
    const letter = {
      enabled: true,
      subject: 'Prices, {{ priceList.name }}?',
      message: 'It has been {{ priceList.days }} days.',
    };
    expect((await a.call('PUT', '/api/v1/crm/price-request', letter)).statusCode).toBe(200);
    a.clock.now += DAY;
    await runDueJobs(rt);
    expect((await requests()).at(-1)).toMatchObject({
      subject: 'Prices, Завод Пенопласт?',
      body: 'It has been 10 days.',
    });
    await a.call('PUT', '/api/v1/crm/price-request', { ...letter, enabled: false });
    a.clock.now += 10 * DAY;
    await runDueJobs(rt);
    expect(await requests()).toHaveLength(3);
  });

  it('checks the request letter before keeping it', async () => {
    ivan = await signIn(api().app, 'ivan'); // the clock moved past the last session
    const broken = await admin()('PUT', '/api/v1/crm/price-request', {
      enabled: true,
      subject: 'Prices',
      message: 'Since {{ priceList.name',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'INVALID_TEMPLATE', errors: [{ path: 'body.message' }] });
    const refused = await ivan.call('PUT', '/api/v1/crm/price-request', {
      enabled: false,
      subject: 'x',
      message: 'y',
    });
    expect(refused.statusCode).toBe(403);
    // What the previous test kept stands.
    expect((await ivan.call('GET', '/api/v1/crm/price-request')).json()).toEqual({
      enabled: false,
      subject: 'Prices, {{ priceList.name }}?',
      message: 'It has been {{ priceList.days }} days.',
    });
  });
});
