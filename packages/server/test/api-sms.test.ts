import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SmsSettings } from '../src/sms/settings.ts';
import { smsHandler } from '../src/sms/sms-job.ts';
import { apiSuite } from './api-harness.ts';
import { startTestWorker } from './support/jobs.ts';

/** A local SMS gateway: records each request's query and answers as scripted (200 "OK" once it runs out). */
const requests: URLSearchParams[] = [];
const answers: { status: number; body: string }[] = [];
const gateway = createServer((req, res) => {
  requests.push(new URL(req.url ?? '/', 'http://gateway').searchParams);
  const answer = answers.shift() ?? { status: 200, body: '{"status":"OK"}' };
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  res.end(answer.body);
});
let settings: SmsSettings;
beforeAll(async () => {
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  const { port } = gateway.address() as { port: number };
  settings = {
    urlTemplate: `http://127.0.0.1:${port}/sms/send?api_id=secret-key&to={to}&msg={text}&json=1`,
    success: '"status":"OK"',
  };
});
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

/** A process that texts its starter's colleague and a client's number. */
const texting = (key: string, to: string[]) => ({
  key,
  name: key,
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'sms', type: 'sms', config: { to, text: 'Заказ {{ order }} отгружен' } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'sms' },
    { id: 'f2', source: 'sms', target: 'end' },
  ],
  parameters: [{ id: 'order', type: 'string' }],
});

/** A process's SMS through an HTTP gateway, to numbers and to people's phones. */
apiSuite('SMS', (api) => {
  const smsJob = (instanceId: string) =>
    api()
      .baton.rt.db.kysely.selectFrom('jobs')
      .selectAll()
      .where('instance_id', '=', instanceId)
      .where('kind', '=', 'sendSms')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    const { call } = api();
    const ivan = await call('POST', '/api/v1/users', {
      login: 'ivan',
      name: 'Иван',
      phone: '+7 (900) 111-22-33',
    });
    expect(ivan.statusCode, ivan.body).toBe(201);
    const vera = await call('POST', '/api/v1/users', { login: 'vera', name: 'Вера' });
    expect(vera.statusCode, vera.body).toBe(201);
  });

  it('says SMS are off without a gateway', async () => {
    expect((await api().call('GET', '/api/v1/jobs/sms')).json()).toEqual({ on: false, gateway: null });
  });

  it("keeps people's phone numbers, refusing what is not one, from the API and from a CSV import", async () => {
    const { call } = api();
    const ivan = (await call('GET', '/api/v1/users'))
      .json()
      .items.find((u: { login: string }) => u.login === 'ivan');
    expect(ivan.phone).toBe('+7 (900) 111-22-33');
    const bad = await call('PATCH', `/api/v1/users/${ivan.id}`, { phone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      path: 'body.phone',
      message: 'a phone number such as +7 900 123-45-67',
    });
    const imported = await call('POST', '/api/v1/org/import', {
      departments: 'id,name',
      users: 'login,name,phone\nolga,Ольга,8 900 555-44-33\nbad,Bad,phone?',
    });
    expect(imported.statusCode).toBe(422);
    expect(imported.json().errors).toEqual([
      expect.objectContaining({ path: 'users.3.phone', message: '"phone?" is not a phone number' }),
    ]);
    const fine = await call('POST', '/api/v1/org/import', {
      departments: 'id,name',
      users: 'login,name,phone\nolga,Ольга,8 900 555-44-33',
    });
    expect(fine.statusCode, fine.body).toBe(200);
    const olga = (await call('GET', '/api/v1/users'))
      .json()
      .items.find((u: { login: string }) => u.login === 'olga');
    expect(olga.phone).toBe('8 900 555-44-33');
  });

  it("texts the numbers and the people's phones in one request, the gateway's key kept out of the job", async () => {
    const a = api();
    await a.publish(texting('shipped', ["'ivan'", "'+7 (912) 000-11-22'", "'vera'"]));
    const id = await a.start('shipped', { order: '№ 15' });
    const worker = startTestWorker(a.baton.rt, [smsHandler(settings)]);
    try {
      await expect.poll(async () => (await smsJob(id)).status).toBe('done');
    } finally {
      await worker.stop();
    }
    const sent = requests.at(-1);
    expect(sent?.get('to')).toBe('79120001122,79001112233');
    expect(sent?.get('msg')).toBe('Заказ № 15 отгружен');
    expect(sent?.get('api_id')).toBe('secret-key');
    expect((await smsJob(id)).payload).not.toContain('secret-key');
  });

  it('retries a gateway that fails or answers without its success text, and gives up on a refusal', async () => {
    const a = api();
    await a.publish(texting('retried', ["'ivan'"]));
    answers.push(
      { status: 503, body: 'busy' },
      { status: 200, body: '{"status":"ERROR","status_text":"no money"}' },
    );
    const retried = await a.start('retried', { order: '1' });
    const worker = startTestWorker(a.baton.rt, [smsHandler(settings)], 5);
    try {
      // Back-off puts the next attempt in the future: move the clock on until the job is sent.
      await expect
        .poll(async () => {
          a.clock.now += 60_000;
          worker.wake();
          return (await smsJob(retried)).status;
        })
        .toBe('done');
      expect((await smsJob(retried)).attempts).toBe(3);

      answers.push({ status: 401, body: 'wrong api_id' });
      await a.publish(texting('refused', ["'ivan'"]));
      const refused = await a.start('refused', { order: '2' });
      await expect.poll(async () => (await smsJob(refused)).status).toBe('dead');
      expect((await smsJob(refused)).last_error).toContain('answered 401: wrong api_id');

      await a.publish(texting('nobody', ["'vera'"]));
      const nobody = await a.start('nobody', { order: '3' });
      await expect.poll(async () => (await smsJob(nobody)).status).toBe('dead');
      expect((await smsJob(nobody)).last_error).toMatch(
        /^SMS at sms: no recipient has a phone number \(\S+ \(no phone\)\)$/,
      );
    } finally {
      await worker.stop();
    }
  });
});

/** What the outbox says of SMS: on, through which gateway (its key never shown) — or off. */
apiSuite(
  'SMS settings in the outbox',
  (api) => {
    it('names the gateway without its key', async () => {
      const res = await api().call('GET', '/api/v1/jobs/sms');
      expect(res.json()).toEqual({ on: true, gateway: 'https://sms.example/send' });
      expect(res.body).not.toContain('K3Y');
    });
  },
  { sms: { urlTemplate: 'https://sms.example/send?key=K3Y&to={to}&msg={text}', success: null } },
);
