import { beforeAll, expect, it } from 'vitest';
import { apiSuite, START } from './api-harness.ts';
import { created, createPipeline, type PipelineBody } from './support/crm.ts';
import { addPeople } from './support/org.ts';
import { asUser, type Session } from './support/people.ts';

const DAY = 86_400_000;

/** Who sells and through which actions: the owner's view of the sales department. */
apiSuite('the sales report', (api) => {
  let sales: PipelineBody;
  let other: PipelineBody;
  const as = (id: string) => asUser(() => api().app, id);
  const ivan = as('ivan');
  const petr = as('petr');
  const stage = (name: string) => sales.stages.find((s) => s.name === name)?.id as string;
  const move = async (call: Session['call'], id: string, name: string) => {
    const res = await call('PATCH', `/api/v1/crm/deals/${id}`, { stageId: stage(name) });
    expect(res.statusCode, res.body).toBe(200);
  };
  const range = `from=${new Date(START - DAY).toISOString()}&to=${new Date(START + 30 * DAY).toISOString()}`;
  const report = async (call: Session['call'], query = range) => {
    const res = await call('GET', `/api/v1/crm/reports/sales?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const a = api();
    await addPeople(a, {
      departments: [{ id: 'sales', head: 'olga' }],
      users: [
        { id: 'boss', roles: ['owner'], canSignIn: true },
        { id: 'olga', departmentId: 'sales', canSignIn: true },
        { id: 'ivan', departmentId: 'sales', canSignIn: true },
        { id: 'petr', departmentId: 'sales', canSignIn: true },
      ],
    });
    sales = await createPipeline(a.call, 'Sales');
    other = await createPipeline(a.call, 'Service');
    const deal = async (call: Session['call'], title: string, amount: number, currency = 'RUB') =>
      created(call, 'deals', { title, pipelineId: sales.id, amount, currency });
    const hangar = await deal(ivan, 'Ангар', 100_000);
    const shed = await deal(ivan, 'Сарай', 50_000);
    await deal(ivan, 'Баня', 20_000.5);
    const plant = await deal(petr, 'Завод', 300_000);
    await deal(petr, 'Export', 1_000, 'USD');
    await created(petr, 'deals', { title: 'Сервис', pipelineId: other.id, amount: 5 });

    const quote = await ivan('POST', '/api/v1/crm/quotes', {
      dealId: hangar.id,
      rows: [{ name: 'Ангар под ключ', quantity: 1, price: 100_000 }],
    });
    a.clock.now += DAY;
    await ivan('POST', `/api/v1/crm/quotes/${quote.json().id}/send`, {
      to: ['client@example.com'],
      stageId: stage('Quote sent'),
    });
    await move(ivan, shed.id, 'Lost');
    const call = await ivan('POST', '/api/v1/crm/activities', {
      dealId: hangar.id,
      kind: 'call',
      title: 'Ask about the quote',
      dueAt: new Date(a.clock.now + DAY).toISOString(),
    });
    await ivan('POST', `/api/v1/crm/activities/${call.json().id}/complete`, { result: 'Agreed' });
    // A company mailbox, switched off (not read, so no IMAP server is needed), to write from.
    const mailbox = await a.call('POST', '/api/v1/crm/mailboxes', {
      name: 'Sales',
      address: 'sales@firm.example',
      enabled: false,
      imap: { host: 'imap.firm.example', user: 'sales', password: 'x' },
    });
    expect(mailbox.statusCode, mailbox.body).toBe(201);
    const letter = await ivan('POST', '/api/v1/crm/emails', {
      dealId: hangar.id,
      to: ['client@example.com'],
      subject: 'The quote',
      text: 'Any questions?',
    });
    expect(letter.statusCode, letter.body).toBe(201);
    a.clock.now += 4 * DAY;
    await ivan('POST', `/api/v1/crm/quotes/${quote.json().id}/accept`);
    await move(ivan, hangar.id, 'Won');
    a.clock.now += 5 * DAY;
    await move(petr, plant.id, 'Won');
  });

  it('shows the owner every manager, the largest seller first, with what they did', async () => {
    const r = await report(as('boss'));
    expect(r.people.map((p: { userId: string }) => p.userId)).toEqual(['petr', 'ivan']);
    expect(r.people[1]).toEqual({
      userId: 'ivan',
      name: 'ivan',
      created: 3,
      won: 1,
      lost: 1,
      wonAmounts: { RUB: 100_000 },
      winRate: 0.5,
      medianDaysToWin: 5,
      open: 1,
      openAmounts: { RUB: 20_000.5 },
      stageMoves: 3,
      quotesSent: 1,
      quotesAccepted: 1,
      quotesSentAmounts: { RUB: 100_000 },
      activitiesDone: 1,
      lettersSent: 1,
    });
    expect(r.people[0]).toMatchObject({
      created: 3,
      won: 1,
      wonAmounts: { RUB: 300_000 },
      medianDaysToWin: 10,
      open: 2,
      openAmounts: { USD: 1_000, RUB: 5 },
      stageMoves: 1,
      quotesSent: 0,
    });
    expect(r.totals).toMatchObject({
      created: 6,
      won: 2,
      lost: 1,
      wonAmounts: { RUB: 400_000 },
      winRate: 2 / 3,
      medianDaysToWin: 7.5,
      open: 3,
      stageMoves: 4,
    });
    const one = await report(as('boss'), `${range}&pipelineId=${other.id}`);
    expect(one.people).toMatchObject([{ userId: 'petr', created: 1, won: 0, open: 1 }]);
  });

  it('shows a head their people and anyone else themselves', async () => {
    expect((await report(as('olga'))).people.map((p: { userId: string }) => p.userId)).toEqual([
      'petr',
      'ivan',
    ]);
    expect((await report(ivan)).people.map((p: { userId: string }) => p.userId)).toEqual(['ivan']);
    expect((await report(petr)).totals.wonAmounts).toEqual({ RUB: 300_000 });
  });

  it('counts what happened in the range; what is open, whenever', async () => {
    const later = `from=${new Date(START + 60 * DAY).toISOString()}&to=${new Date(START + 90 * DAY).toISOString()}`;
    const r = await report(as('boss'), later);
    expect(r.totals).toMatchObject({
      created: 0,
      won: 0,
      lost: 0,
      stageMoves: 0,
      quotesSent: 0,
      activitiesDone: 0,
      lettersSent: 0,
      open: 3,
    });
    const wrong = await as('boss')(
      'GET',
      `/api/v1/crm/reports/sales?from=${new Date(START).toISOString()}&to=${new Date(START - DAY).toISOString()}`,
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('querystring.from');
  });

  it('exports one manager per line for BI tools', async () => {
    const res = await as('boss')('GET', `/api/v1/crm/reports/sales?${range}&format=csv`);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'userId,name,created,won,lost,winRate,medianDaysToWin,won RUB,won USD,open,open RUB,open USD,stageMoves,quotesSent,quotesAccepted,activitiesDone,lettersSent',
    );
    expect(lines.slice(1)).toEqual([
      'petr,petr,3,1,0,1,10,300000,0,2,5,1000,1,0,0,0,0',
      'ivan,ivan,3,1,1,0.5,5,100000,0,1,20000.5,0,3,1,1,1,1',
    ]);
  });
});
