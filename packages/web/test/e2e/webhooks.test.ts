import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import {
  horizontalOverflow,
  openFromRussianMenu,
  PHONE,
  screenshot,
  switchToRussian,
  WEBHOOK_SECRET,
} from './support.ts';

/** The integrator's side: takes every POST with a 200 and keeps what came. */
let receiver: Server;
let url = '';
const received: { headers: IncomingHttpHeaders; raw: string; body: { event: string } }[] = [];

/**
 * An administrator on a phone, in Russian, adds a webhook sending two events to an integrator's URL,
 * tests it (the receiver gets a signed `webhook.test`), switches it off and deletes it; an employee has
 * neither the menu item nor the page.
 */
describe('webhooks', () => {
  const stage = suiteStage(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, raw: body, body: JSON.parse(body) });
        response.writeHead(200).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/baton`;
  });
  afterAll(() => {
    receiver?.close();
  });

  it('adds, tests, switches off and deletes a webhook — on a phone, in Russian', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await switchToRussian(page);
    await openFromRussianMenu(page, 'Вебхуки');
    await page.getByText('Вебхуков пока нет', { exact: false }).waitFor();
    const help = page.getByRole('button', { name: 'Что отправляется и как это проверить' });
    await help.click();
    await page.getByText(/секретом сервера BATON_WEBHOOK_SECRET/).waitFor();
    await help.click();

    await page.getByRole('button', { name: 'Добавить вебхук' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый вебхук' });
    const address = dialog.getByRole('textbox', { name: 'URL' });
    await address.fill('ftp://crm.example');
    await dialog.getByRole('checkbox', { name: 'Сделка создана' }).check();
    await dialog.getByRole('checkbox', { name: 'Задание выполнено' }).check();
    await dialog.getByRole('button', { name: 'Добавить вебхук' }).click();
    // The server's refusal shows at the URL it is about.
    await dialog.getByText('must be an http:// or https:// URL').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await address.fill(url);
    await dialog.getByRole('button', { name: 'Добавить вебхук' }).click();
    await page.getByText(`Вебхук ${url} сохранён.`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const card = page.getByRole('listitem', { name: url });
    // The form's order, whatever order they were ticked in.
    expect(await card.locator('.mantine-Badge-label').allTextContents()).toEqual([
      'Задание выполнено',
      'Сделка создана',
    ]);
    await card.getByText('Все шаблоны').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'webhooks-phone');

    await card.getByRole('button', { name: `Отправить тест на ${url}` }).click();
    await card.getByRole('status').getByText('Доставлено').waitFor();
    expect(received.map((r) => r.body.event)).toEqual(['webhook.test']);
    const [test] = received;
    const signed = `${test?.headers['x-baton-timestamp']}.${test?.raw}`;
    expect(test?.headers['x-baton-signature']).toBe(
      `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(signed).digest('hex')}`,
    );

    const sending = card.getByRole('switch', { name: `Отправка событий на ${url}` });
    await sending.click({ force: true });
    await page.getByText(`Вебхук ${url} выключен.`).waitFor();
    await expect.poll(() => sending.isChecked()).toBe(false);
    const [stored] = (
      await stage.server.api<{ items: { events: string[]; active: boolean }[] }>('GET', '/api/v1/webhooks')
    ).items;
    expect(stored).toMatchObject({ events: ['task.completed', 'deal.created'], active: false });

    await card.getByRole('button', { name: `Что сделать с ${url}` }).click();
    await page.getByRole('menuitem', { name: 'Удалить' }).click();
    await page
      .getByRole('dialog', { name: 'Удалить вебхук?' })
      .getByRole('button', { name: 'Удалить' })
      .click();
    await page.getByText(`Вебхук ${url} удалён.`).waitFor();
    await page.getByText('Вебхуков пока нет', { exact: false }).waitFor();
    await page.context().close();
  });

  it('is not an employee’s: no menu item, and the address says no access', async () => {
    const page = await stage.signIn(stage.company.employee);
    expect(
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await page.goto('/admin/webhooks');
    await page.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(await page.getByRole('button', { name: 'Add webhook' }).count()).toBe(0);
    await page.context().close();
  });
});
