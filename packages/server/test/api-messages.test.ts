import { expect, it } from 'vitest';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { createUser, signIn } from './support/people.ts';

/** Texts the customer and the warehouse that the order has left, then ends. */
const shipped = {
  key: 'shipped-sms',
  name: 'Order shipped: text the customer',
  parameters: [
    { id: 'orderId', type: 'string', required: true },
    { id: 'phone', type: 'string', required: true },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'text',
      type: 'sms',
      config: { to: ['phone', "'+7 900 000-00-99'"], text: 'Order {{ orderId }} has left the warehouse.' },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'text' },
    { id: 'f2', source: 'text', target: 'end' },
  ],
};

apiSuite('messages and the job outbox', (api) => {
  it('queues the e-mail in the outbox as a pending job with its full payload', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('api/order.json'));
    const id = await start('order', { orderId: 'A-1', email: 'ann@example.com' });
    const res = await call('GET', `/api/v1/jobs?status=pending&kind=sendEmail&instanceId=${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      items: [
        {
          kind: 'sendEmail',
          instanceId: id,
          status: 'pending',
          attempts: 0,
          lastError: null,
          payload: {
            type: 'sendEmail',
            nodeId: 'confirm',
            to: ['ann@example.com'],
            subject: 'Order A-1',
            body: 'We have your order.',
          },
        },
      ],
      nextCursor: null,
    });
    expect(res.json().items[0].key).toMatch(new RegExp(`^${id}:`));
  });

  it('queues the SMS in the outbox as a pending job with its recipients and rendered text', async () => {
    const { call, publish, start } = api();
    await publish(shipped);
    const id = await start(shipped.key, { orderId: 'S-7', phone: '+7 900 000-00-01' });
    const res = await call('GET', `/api/v1/jobs?status=pending&kind=sendSms&instanceId=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      items: [
        {
          kind: 'sendSms',
          instanceId: id,
          status: 'pending',
          attempts: 0,
          lastError: null,
          dueAt: new Date(api().clock.now).toISOString(),
          payload: {
            type: 'sendSms',
            nodeId: 'text',
            to: ['+7 900 000-00-01', '+7 900 000-00-99'],
            text: 'Order S-7 has left the warehouse.',
          },
        },
      ],
      nextCursor: null,
    });
    expect(res.json().items[0].key).toMatch(new RegExp(`^${id}:`));
    // Nothing performs SMS yet: the process went on past the node, the job waits in the outbox.
    expect((await call('GET', `/api/v1/instances/${id}`)).json().status).toBe('completed');
  });

  it('delivers a message to the instance waiting with that correlation key', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('api/order.json'), 'order-pay');
    const a = await start('order-pay', { orderId: 'B-1', email: 'x' });
    const b = await start('order-pay', { orderId: 'B-2', email: 'x' });
    const res = await call('POST', '/api/v1/messages', {
      name: 'paid',
      correlationKey: 'B-2',
      payload: { paid: 120.5 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ instanceId: b });

    const paid = (await call('GET', `/api/v1/instances/${b}`)).json();
    expect(paid.variables).toMatchObject({ paid: 120.5 });
    expect(paid.tasks).toMatchObject([{ nodeId: 'ship', status: 'open' }]);
    expect(paid.history).toContainEqual(
      expect.objectContaining({
        type: 'message.received',
        nodeId: 'payment',
        data: { name: 'paid', correlationKey: 'B-2' },
      }),
    );
    expect((await call('GET', `/api/v1/instances/${a}`)).json().tasks).toEqual([]);

    const twice = await call('POST', '/api/v1/messages', { name: 'paid', correlationKey: 'B-2' });
    expect(twice.statusCode).toBe(404);
    expect(twice.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(twice.json()).toMatchObject({ status: 404, code: 'MESSAGE_NOT_CORRELATED' });
  });

  it('answers 404 when no one waits for the message', async () => {
    const res = await api().call('POST', '/api/v1/messages', { name: 'nobody-listens', correlationKey: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('MESSAGE_NOT_CORRELATED');
  });

  it('retries a dead job (pending again, attempts zero, due now) and refuses any other', async () => {
    const { call, publish, start, baton, clock } = api();
    await publish(fixtureJson('api/order.json'), 'order-dead');
    const id = await start('order-dead', { orderId: 'C-1', email: 'x' });
    const [job] = (await call('GET', `/api/v1/jobs?instanceId=${id}&kind=sendEmail`)).json().items;
    const pending = await call('POST', `/api/v1/jobs/${encodeURIComponent(job.key)}/retry`);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('JOB_NOT_DEAD');

    // Given: the job used up its attempts (a transport that kept failing).
    await baton.rt.db.kysely
      .updateTable('jobs')
      .set({ status: 'dead', attempts: 10, last_error: 'smtp: connection refused', due_at: 0 })
      .where('key', '=', job.key)
      .execute();
    const dead = (await call('GET', `/api/v1/jobs?status=dead&instanceId=${id}`)).json().items;
    expect(dead).toMatchObject([{ key: job.key, attempts: 10, lastError: 'smtp: connection refused' }]);

    const res = await call('POST', `/api/v1/jobs/${encodeURIComponent(job.key)}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      key: job.key,
      status: 'pending',
      attempts: 0,
      dueAt: new Date(clock.now).toISOString(),
      lastError: 'smtp: connection refused',
    });
    // The list's status filter follows the job: no longer among the dead, among the pending.
    expect((await call('GET', `/api/v1/jobs?status=dead&instanceId=${id}`)).json().items).toEqual([]);
    const pendingNow = (await call('GET', `/api/v1/jobs?status=pending&instanceId=${id}`)).json().items;
    expect(pendingNow.map((j: { key: string }) => j.key)).toEqual([job.key]);
  });

  it('queues a test e-mail to the process administrator who asks, once their profile has an address', async () => {
    const a = api();
    const none = await a.call('POST', '/api/v1/jobs/test-email');
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'NO_EMAIL_ADDRESS', errors: [{ path: 'user.email' }] });

    expect((await a.call('PATCH', '/api/v1/users/admin', { email: 'admin@firm.example' })).statusCode).toBe(
      200,
    );
    const queued = await a.call('POST', '/api/v1/jobs/test-email');
    expect(queued.statusCode, queued.body).toBe(201);
    expect(queued.json()).toMatchObject({
      kind: 'sendEmail',
      status: 'pending',
      instanceId: null,
      payload: { type: 'sendEmail', to: ['user:admin'], subject: 'Baton: test e-mail / тестовое письмо' },
    });
    const listed = (await a.call('GET', '/api/v1/jobs?kind=sendEmail&status=pending')).json().items;
    expect(listed.map((j: { key: string }) => j.key)).toContain(queued.json().key);

    await createUser(a, { id: 'clerk' });
    const clerk = await signIn(a.app, 'clerk');
    expect((await clerk.call('POST', '/api/v1/jobs/test-email')).statusCode).toBe(403);
  });
});
