import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  horizontalOverflow,
  login,
  newBrowser,
  newPage,
  PHONE,
  publish,
  SETUP_TIMEOUT,
  screenshot,
  seedCompany,
  startServer,
  type TestServer,
} from './support.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));

/** The administrator's and the owner's pages: all processes, all tasks with counts, the organisation. */
describe('administration pages', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  const start = (definitionKey: string, params: Record<string, unknown>, startedBy: string) =>
    server.api<{ id: string; status: string }>('POST', '/api/v1/instances', {
      definitionKey,
      params,
      startedBy,
    });

  beforeAll(async () => {
    server = await startServer();
    await seedCompany(server);
    for (const name of ['vacation.json', 'monthly-report.json', 'purchase.json'])
      await publish(server, fixture(name));
    await start('vacation', { firstDay: '2026-08-03', days: 10 }, 'ivan');
    await start('vacation', { firstDay: '2026-09-14', days: 3 }, 'anna');
    await start('monthly-report', {}, 'olga');
    const failed = await start('purchase', { amount: 1500 }, 'ivan');
    expect(failed.status).toBe('failed');
    // A task handed to someone who is not an employee (any more): nobody can move that process on.
    const orphan = await start('vacation', { firstDay: '2026-10-05', days: 2 }, 'olga');
    const [task] = (
      await server.api<{ items: { id: string }[] }>('GET', `/api/v1/tasks?instanceId=${orphan.id}`)
    ).items;
    await server.api('POST', `/api/v1/tasks/${encodeURIComponent(task?.id ?? '')}/delegate`, {
      to: 'boris.left',
    });
    browser = await newBrowser();
    page = await newPage(browser, server, { viewport: DESKTOP });
    await login(page, 'admin');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (menu: string, heading: string) => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: menu }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  it('lists running instances, flags the failed one, and terminates one with a reason', async () => {
    await open('All processes', 'All processes');
    const list = page.getByRole('region', { name: 'Processes' });
    await expect(list.getByRole('link', { name: 'Vacation request' }).count()).resolves.toBe(3);
    await list.getByRole('link', { name: 'Monthly sales report' }).waitFor();
    await page.getByText('1 process failed and waits for a retry or termination.').waitFor();
    await page.getByText('1 running process cannot move on by itself.').waitFor();
    await list.getByText('A task no active employee holds (boris.left)').waitFor();
    await screenshot(page, 'admin-instances-desktop');
    await page.getByRole('checkbox', { name: 'Stuck only' }).check();
    await expect(list.getByRole('link').count()).resolves.toBe(1);
    await page.getByRole('checkbox', { name: 'Stuck only' }).uncheck();

    await page.getByRole('button', { name: 'Show the failed ones' }).click();
    await list.getByRole('link', { name: 'Purchase of goods' }).waitFor();
    await expect(list.getByText('Failed').count()).resolves.toBe(1);

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Running' }).click();
    await list.getByRole('link', { name: 'Monthly sales report' }).waitFor();
    await page.getByRole('button', { name: 'Terminate Monthly sales report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminate “Monthly sales report”?' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('The report is no longer needed.');
    await dialog.getByRole('button', { name: 'Terminate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await list.getByRole('link', { name: 'Monthly sales report' }).waitFor({ state: 'detached' });
    await expect(list.getByRole('link', { name: 'Vacation request' }).count()).resolves.toBe(3);
  });

  it('shows every task of every employee with counts per department and employee, overdue highlighted', async () => {
    await start('monthly-report', {}, 'olga');
    await new Promise((r) => setTimeout(r, 1500)); // its one-second deadline passes
    await open('All tasks', 'All tasks');
    const list = page.getByRole('region', { name: 'Tasks' });
    await list.getByRole('link', { name: /Send the monthly sales report/ }).waitFor();
    await expect(list.getByRole('link', { name: /Send the monthly sales report/ }).count()).resolves.toBe(1);
    await expect(list.getByRole('link', { name: /Approve \d+ days of vacation/ }).count()).resolves.toBe(3);
    await list.getByText('Overdue').first().waitFor();
    const byEmployee = page.getByRole('table', { name: 'By employee' });
    await byEmployee.getByRole('row', { name: /Olga Smirnova 1 0/ }).waitFor();
    await byEmployee.getByRole('row', { name: /Ivan Petrov 1 1/ }).waitFor();
    await page
      .getByRole('table', { name: 'By department' })
      .getByRole('row', { name: /Sales 2 1/ })
      .waitFor();
    await screenshot(page, 'admin-all-tasks-desktop');

    await byEmployee.getByRole('button', { name: 'Ivan Petrov' }).click();
    await list
      .getByRole('link', { name: /Approve \d+ days of vacation/ })
      .first()
      .waitFor({ state: 'detached' });
    await expect(list.getByRole('link').count()).resolves.toBe(1);
  });

  it('shows the organisation: employees and the department tree', async () => {
    await open('Organisation', 'Organisation');
    await page.getByText('Olga Smirnova', { exact: true }).waitFor();
    await page.getByText('Head: Olga Smirnova').waitFor();
    await page.getByRole('tab', { name: 'Departments' }).click();
    const tree = page.getByRole('tree', { name: 'Departments' });
    await tree.getByRole('treeitem', { name: /Management/ }).waitFor();
    await tree.getByText('Sales').waitFor();
    await tree.getByText('Head: Olga Smirnova').waitFor();
    await screenshot(page, 'admin-org-desktop');

    // Anna goes on vacation next month; Ivan stands in for her.
    await page.getByRole('tab', { name: 'Absences' }).click();
    const form = page.getByRole('form', { name: 'Record an absence' });
    await form.getByRole('combobox', { name: 'Who is away' }).click();
    await page.getByRole('option', { name: 'Anna Kuznetsova' }).click();
    await form.getByRole('combobox', { name: 'Deputy' }).click();
    await page.getByRole('option', { name: 'Ivan Petrov' }).click();
    const month = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 7);
    await form.getByLabel('From').fill(`${month}-03`);
    await form.getByLabel('To (inclusive)').fill(`${month}-14`);
    await form.getByRole('button', { name: 'Record the absence' }).click();
    const absences = page.getByRole('list', { name: 'Absences' });
    await absences.getByText('Deputy: Ivan Petrov').waitFor();
    await screenshot(page, 'admin-absences-desktop');
    await absences.getByRole('button', { name: 'Remove the absence of Anna Kuznetsova' }).click();
    await page.getByText('Nobody is away now or soon.').waitFor();
  });

  it('works on a phone too', async () => {
    const phone = await newPage(browser, server, { viewport: PHONE });
    await login(phone, 'admin');
    for (const [path, heading] of [
      ['/admin/instances', 'All processes'],
      ['/admin/tasks', 'All tasks'],
      ['/admin/org', 'Organisation'],
    ] as const) {
      await phone.goto(path);
      await phone.getByRole('heading', { level: 1, name: heading }).waitFor();
      await phone.getByRole('link').nth(3).waitFor();
      expect(await horizontalOverflow(phone), path).toBe(0);
    }
    await phone.goto('/admin/tasks');
    await phone.getByRole('table', { name: 'By employee' }).waitFor();
    await screenshot(phone, 'admin-all-tasks-phone');
    await phone.context().close();
  });
});
