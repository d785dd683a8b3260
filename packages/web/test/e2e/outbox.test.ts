import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { horizontalOverflow, PHONE, publish, screenshot, startInstance, switchToRussian } from './support.ts';

/** A CRM endpoint that refuses the first delivery (404) and takes every later one. */
let receiver: Server;
const deliveries: number[] = [];

/** Confirms an order by e-mail (no SMTP server here: it waits) and tells the CRM by webhook. */
const order = (hook: string) => ({
  key: 'order-outbox',
  name: 'Order: e-mail and CRM',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'confirm',
      type: 'email',
      config: { to: ["'buyer@client.example'"], subject: 'Order confirmed', body: 'Thank you.' },
    },
    { id: 'crm', type: 'webhook', config: { url: hook, body: { order: "'A-1'" } } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'confirm' },
    { id: 'f2', source: 'confirm', target: 'crm' },
    { id: 'f3', source: 'crm', target: 'end' },
  ],
});

describe('the outbox page', () => {
  const stage = suiteStage(async (server) => {
    receiver = createServer((_request, response) => {
      deliveries.push(Date.now());
      response.writeHead(deliveries.length === 1 ? 404 : 200).end();
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const { port } = receiver.address() as AddressInfo;
    await publish(server, order(`http://127.0.0.1:${port}/orders`));
    await startInstance(server, { definitionKey: 'order-outbox', params: {}, startedBy: 'admin' });
    // The worker tries the webhook at once: refused with a 404, it is dead.
    for (let waited = 0; waited < 10_000; waited += 50) {
      const jobs = await server.api<{ items: unknown[] }>('GET', '/api/v1/jobs?status=dead&kind=callWebhook');
      if (jobs.items.length === 1) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the webhook did not fail within 10 s');
  });
  afterAll(() => {
    receiver?.close();
  });

  it('shows what waits and what failed, and sends a failed webhook again — on a phone', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();

    const list = page.getByRole('region', { name: 'Outbox' });
    await page.getByText('The server has no SMTP server set').waitFor();
    await page
      .getByText('SMS are off: the server has no SMS gateway set (BATON_SMS_URL), so they wait here')
      .waitFor();
    await list.getByText('buyer@client.example — Order confirmed').waitFor();
    await list.getByText('Waiting').first().waitFor();
    await page.getByText('1 delivery failed for good and waits for a retry.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'outbox-phone');

    await page.getByRole('button', { name: 'Show the failed ones' }).click();
    await list.getByText(/^Last error: webhook http:\/\/127\.0\.0\.1:\d+\/orders answered 404$/).waitFor();
    await list.getByRole('link', { name: 'Open the process' }).waitFor();
    await list.getByRole('button', { name: /^Send again: Webhook POST http/ }).click();
    await page.getByText('Back in the queue.').waitFor();

    await expect.poll(() => deliveries.length).toBe(2);
    await page.getByText('Nothing matches the filters.').waitFor();
    const done = await stage.server.api<{ items: { status: string; attempts: number }[] }>(
      'GET',
      '/api/v1/jobs?kind=callWebhook',
    );
    expect(done.items).toMatchObject([{ status: 'done', attempts: 1 }]);

    // A test e-mail needs the administrator's address, then waits in the outbox like any e-mail.
    await page.getByRole('button', { name: 'Send me a test e-mail' }).click();
    await page.getByText('Your profile has no e-mail address to send the test to.').waitFor();
    await stage.server.api('PATCH', '/api/v1/users/admin', { email: 'admin@firm.example' });
    await page.getByRole('button', { name: 'Send me a test e-mail' }).click();
    await page.getByText('Test e-mail queued: below, it shows whether it went out.').waitFor();
    await list.getByText('user:admin — Baton: test e-mail / тестовое письмо').waitFor();
  });

  it('is in Russian for a Russian reader, and only for those who administer processes', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await switchToRussian(page);
    await page.goto(`${stage.server.url}/admin/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Исходящие' }).waitFor();
    await page.getByText('Письмо').first().waitFor();
    await page.getByText('SMS выключены: на сервере не задан SMS-шлюз (BATON_SMS_URL)').waitFor();

    const employee = await stage.signIn(stage.company.employee);
    await employee.goto(`${stage.server.url}/admin/outbox`);
    await employee.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(await employee.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
  });
});

describe('the outbox page with e-mail and SMS on', () => {
  // An SMTP server that is not there: e-mail is on, and every attempt fails to connect.
  const stage = suiteStage(undefined, {
    mail: { url: 'smtp://baton:s3cret@127.0.0.1:9', from: 'Baton <baton@firm.example>', publicUrl: null },
    sms: { urlTemplate: 'https://sms.example/send?key=K3y&to={to}&msg={text}', success: null },
  });

  it('names the SMS gateway without its key', async () => {
    const page = await stage.signIn('admin');
    await page.goto(`${stage.server.url}/admin/outbox`);
    await page.getByText('SMS go out through https://sms.example/send.', { exact: true }).waitFor();
    expect(await page.getByText('K3y').count()).toBe(0);
    await page.context().close();
  });

  it('names the server without its password, and shows a test e-mail retried with the SMTP error', async () => {
    await stage.server.api('PATCH', '/api/v1/users/admin', { email: 'admin@firm.example' });
    const page = await stage.signIn('admin');
    await page.goto(`${stage.server.url}/admin/outbox`);
    await page
      .getByText('E-mail goes out through smtp://127.0.0.1:9 as Baton <baton@firm.example>.')
      .waitFor();
    expect(await page.getByText('s3cret').count()).toBe(0);

    await page.getByRole('button', { name: 'Send me a test e-mail' }).click();
    await page.getByText('Test e-mail queued: below, it shows whether it went out.').waitFor();
    // The worker's first attempt fails at once; the page shows it on its next refresh.
    await expect
      .poll(async () => {
        const jobs = await stage.server.api<{ items: { attempts: number }[] }>(
          'GET',
          '/api/v1/jobs?kind=sendEmail',
        );
        return jobs.items[0]?.attempts ?? 0;
      })
      .toBeGreaterThan(0);
    await page.reload();
    const list = page.getByRole('region', { name: 'Outbox' });
    await list.getByText(/^Last error: .*ECONNREFUSED/).waitFor();
    await list.getByText('Waiting').waitFor();
  });
});
