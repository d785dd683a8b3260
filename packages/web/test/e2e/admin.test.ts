import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  fixture,
  horizontalOverflow,
  openTaskId,
  PHONE,
  publish,
  SETUP_TIMEOUT,
  screenshot,
  startInstance,
} from './support.ts';

/** The administrator's and the owner's pages: all processes, all tasks with counts, the organisation. */
describe('administration pages', () => {
  let page: Page;

  const start = (definitionKey: string, params: Record<string, unknown>, startedBy: string) =>
    startInstance(stage.server, { definitionKey, params, startedBy });

  const stage = suiteStage(async (server) => {
    for (const name of ['vacation.json', 'monthly-report.json', 'purchase.json'])
      await publish(server, fixture(name));
    await start('vacation', { firstDay: '2026-08-03', days: 10 }, 'ivan');
    await start('vacation', { firstDay: '2026-09-14', days: 3 }, 'anna');
    await start('monthly-report', {}, 'olga');
    const failed = await start('purchase', { amount: 1500 }, 'ivan');
    expect(failed.status).toBe('failed');
    // A task handed to someone who is not an employee (any more): nobody can move that process on.
    const orphan = await start('vacation', { firstDay: '2026-10-05', days: 2 }, 'olga');
    const taskId = await openTaskId(server, orphan.id);
    await server.api('POST', `/api/v1/tasks/${encodeURIComponent(taskId)}/delegate`, { to: 'boris.left' });
  });

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  const open = async (menu: string, heading: string) => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: menu }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  it('lists running instances, flags the failed one, and terminates one with a reason', async () => {
    await open('All processes', 'All processes');
    const list = page.getByRole('region', { name: 'Processes' });
    await expect.poll(() => list.getByRole('link', { name: 'Vacation request' }).count()).toBe(3);
    await list.getByRole('link', { name: 'Monthly sales report' }).waitFor();
    await page.getByText('1 process failed and waits for a retry or termination.').waitFor();
    await page.getByText('1 running process cannot move on by itself.').waitFor();
    await list.getByText('A task no active employee holds (boris.left)').waitFor();
    await screenshot(page, 'admin-instances-desktop');
    await page.getByRole('checkbox', { name: 'Stuck only' }).check();
    await expect.poll(() => list.getByRole('link').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Stuck only' }).uncheck();

    await page.getByRole('button', { name: 'Show the failed ones' }).click();
    await list.getByRole('link', { name: 'Purchase of goods' }).waitFor();
    await expect.poll(() => list.getByText('Failed').count()).toBe(1);

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Running' }).click();
    await list.getByRole('link', { name: 'Monthly sales report' }).waitFor();
    await page.getByRole('button', { name: 'Terminate Monthly sales report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminate “Monthly sales report”?' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('The report is no longer needed.');
    await dialog.getByRole('button', { name: 'Terminate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await list.getByRole('link', { name: 'Monthly sales report' }).waitFor({ state: 'detached' });
    await expect.poll(() => list.getByRole('link', { name: 'Vacation request' }).count()).toBe(3);

    // The starter and process filters narrow the list: Ivan's running one, then none of his is a purchase.
    await page.getByRole('combobox', { name: 'Started by', exact: true }).click();
    await page.getByRole('option', { name: 'Ivan Petrov' }).click();
    await expect.poll(() => list.getByRole('link').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Process', exact: true }).click();
    await page.getByRole('option', { name: 'Purchase of goods' }).click();
    await page.getByText('No process matches the filters.').waitFor();
  });

  it('shows every task of every employee with counts per department and employee, overdue highlighted', async () => {
    await start('monthly-report', {}, 'olga');
    await new Promise((r) => setTimeout(r, 1500)); // its one-second deadline passes
    await open('All tasks', 'All tasks');
    const list = page.getByRole('region', { name: 'Tasks' });
    await list.getByRole('link', { name: /Send the monthly sales report/ }).waitFor();
    await expect
      .poll(() => list.getByRole('link', { name: /Send the monthly sales report/ }).count())
      .toBe(1);
    await expect.poll(() => list.getByRole('link', { name: /Approve \d+ days of vacation/ }).count()).toBe(3);
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
    // The filtered list may be between answers (empty) right then: wait for its one task.
    await list.getByRole('link').first().waitFor();
    await expect.poll(() => list.getByRole('link').count()).toBe(1);
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

  it('lets an administrator create a role, a department and an employee in it, edit and deactivate them', async () => {
    await open('Organisation', 'Organisation');
    await page.getByRole('tab', { name: 'Roles' }).click();
    await page.getByRole('button', { name: 'New role' }).click();
    let dialog = page.getByRole('dialog', { name: 'New role' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('buyer');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Buyer');
    await dialog.getByRole('button', { name: 'Create the role' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('listitem', { name: 'Buyer' }).getByText('Nobody holds it.').waitFor();

    await page.getByRole('tab', { name: 'Departments' }).click();
    await page.getByRole('button', { name: 'New department' }).click();
    dialog = page.getByRole('dialog', { name: 'New department' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Purchasing');
    await dialog.getByRole('combobox', { name: 'Inside the department' }).click();
    await page.getByRole('option', { name: 'Management', exact: true }).click();
    await dialog.getByRole('button', { name: 'Create the department' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const tree = page.getByRole('tree', { name: 'Departments' });
    await tree.getByRole('treeitem', { name: /Purchasing/ }).waitFor();
    const purchasing = (
      await stage.server.api<{ items: { id: string; name: string; parentId: string }[] }>(
        'GET',
        '/api/v1/departments',
      )
    ).items.find((d) => d.name === 'Purchasing');
    expect(purchasing?.parentId).toBe('management');

    // Management cannot move under Purchasing, which is inside it: the server's reason shows at the field.
    await page.getByRole('button', { name: 'Actions for the department Management' }).click();
    await page.getByRole('menuitem', { name: 'Rename, move or set the head' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Management' });
    await dialog.getByRole('combobox', { name: 'Inside the department' }).click();
    await page.getByRole('option', { name: 'Management / Purchasing' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/cannot be placed under "Purchasing".*which is inside it/).waitFor();
    await expect
      .poll(() =>
        dialog.getByRole('combobox', { name: 'Inside the department' }).getAttribute('aria-invalid'),
      )
      .toBe('true');
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Employees' }).click();
    await page.getByRole('button', { name: 'New employee' }).click();
    dialog = page.getByRole('dialog', { name: 'New employee' });
    await dialog.getByRole('textbox', { name: 'Full name' }).fill('Pavel Orlov');
    await dialog.getByRole('textbox', { name: 'Login' }).fill('Pavel');
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('pavel@example.com');
    await dialog.getByRole('textbox', { name: 'Mobile phone' }).fill('+7 900 123-45-67');
    await dialog.getByRole('textbox', { name: 'Password' }).fill('short');
    await dialog.getByRole('textbox', { name: 'Position' }).fill('Buyer');
    await dialog.getByRole('combobox', { name: 'Department' }).click();
    await page.getByRole('option', { name: 'Management / Purchasing' }).click();
    await dialog.getByRole('combobox', { name: 'Add a role' }).click();
    await page.getByRole('option', { name: 'Buyer (buyer)' }).click();
    await dialog.getByRole('button', { name: 'Create the employee' }).click();
    // Too short a password: the server says so beside the field, and nothing is created.
    await dialog.getByText(/at least 8/i).waitFor();
    await dialog.getByRole('textbox', { name: 'Password' }).fill('pavel-password-1');
    await dialog.getByRole('button', { name: 'Create the employee' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('listitem', { name: 'Pavel Orlov' });
    await row.getByText('pavel · Buyer · Purchasing').waitFor();
    await row.getByText('buyer', { exact: true }).waitFor();
    const [pavel] = (
      await stage.server.api<{
        items: { id: string; login: string; phone: string; departmentId: string; active: boolean }[];
      }>('GET', '/api/v1/users?role=buyer')
    ).items;
    expect(pavel).toMatchObject({
      login: 'pavel',
      phone: '+7 900 123-45-67',
      departmentId: purchasing?.id,
      active: true,
    });
    const signIn = (password: string) =>
      stage.server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'pavel', password },
      });
    expect((await signIn('pavel-password-1')).statusCode).toBe(200);

    await row.getByRole('button', { name: 'Actions for Pavel Orlov' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Pavel Orlov' });
    const phone = dialog.getByRole('textbox', { name: 'Mobile phone' });
    expect(await phone.inputValue()).toBe('+7 900 123-45-67');
    // Not a phone number: the server says so beside the field, and the dialog stays open.
    await phone.fill('ask Olga');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('a phone number such as +7 900 123-45-67').waitFor();
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    await phone.fill('8 (900) 765-43-21');
    await dialog.getByRole('textbox', { name: 'Position' }).fill('Senior buyer');
    await dialog.getByRole('combobox', { name: 'Where Buyer is held' }).click();
    await page.getByRole('option', { name: 'Management / Purchasing' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('pavel · Senior buyer · Purchasing').waitFor();
    await row.getByText('buyer · Purchasing', { exact: true }).waitFor();
    const edited = await stage.server.api<{ phone: string; position: string; roles: unknown[] }>(
      'GET',
      `/api/v1/users/${pavel?.id}`,
    );
    expect(edited).toMatchObject({
      phone: '8 (900) 765-43-21',
      position: 'Senior buyer',
      roles: [{ role: 'buyer', departmentId: purchasing?.id }],
    });

    await row.getByRole('button', { name: 'Actions for Pavel Orlov' }).click();
    await page.getByRole('menuitem', { name: 'Set a password' }).click();
    dialog = page.getByRole('dialog', { name: 'Password of Pavel Orlov' });
    await dialog.getByRole('textbox', { name: 'New password' }).fill('pavel-password-2');
    await dialog.getByRole('button', { name: 'Set a password' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await signIn('pavel-password-1')).statusCode).toBe(401);
    expect((await signIn('pavel-password-2')).statusCode).toBe(200);

    await row.getByRole('button', { name: 'Actions for Pavel Orlov' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    dialog = page.getByRole('dialog', { name: 'Deactivate Pavel Orlov?' });
    await dialog.getByText(/open tasks move to their deputy/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'admin-deactivate-desktop');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Inactive').waitFor();
    expect((await stage.server.api<{ active: boolean }>('GET', `/api/v1/users/${pavel?.id}`)).active).toBe(
      false,
    );
    expect((await signIn('pavel-password-2')).statusCode).toBe(401);
  });

  it('lets an administrator create a group with members, change them and remove the group', async () => {
    await page.goto('/admin/org?tab=groups');
    await page.getByRole('tab', { name: 'Groups', selected: true }).waitFor();
    await page.getByText('No groups yet.').waitFor();
    await page.getByRole('button', { name: 'New group' }).click();
    let dialog = page.getByRole('dialog', { name: 'New group' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('auditors');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Auditors');
    for (const member of ['Anna Kuznetsova', 'Ivan Petrov']) {
      await dialog.getByRole('combobox', { name: 'Members' }).click();
      await page.getByRole('option', { name: member }).click();
    }
    await page.keyboard.press('Tab'); // leaves the list, which closes it
    await dialog.getByRole('button', { name: 'Create the group' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const group = page.getByRole('listitem', { name: 'Auditors' });
    await group.getByText(/^Members: (Anna Kuznetsova, Ivan Petrov|Ivan Petrov, Anna Kuznetsova)$/).waitFor();
    expect(
      (await stage.server.api<{ members: string[] }>('GET', '/api/v1/groups/auditors')).members.sort(),
    ).toEqual(['anna', 'ivan']);

    await group.getByRole('button', { name: 'Edit the group Auditors' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit the group Auditors' });
    // A picked member is unpicked from the list, as a keyboard user would.
    await dialog.getByRole('combobox', { name: 'Members' }).click();
    await page.getByRole('option', { name: 'Ivan Petrov' }).click();
    await page.keyboard.press('Tab');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await group.getByText('Members: Anna Kuznetsova', { exact: true }).waitFor();
    expect((await stage.server.api<{ members: string[] }>('GET', '/api/v1/groups/auditors')).members).toEqual(
      ['anna'],
    );
    await screenshot(page, 'admin-groups-desktop');

    await group.getByRole('button', { name: 'Remove the group Auditors' }).click();
    dialog = page.getByRole('dialog', { name: 'Remove the group Auditors?' });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No groups yet.').waitFor();
    await stage.server.api('GET', '/api/v1/groups/auditors', undefined, 404);
  });

  it('works on a phone too', async () => {
    const phone = await stage.signIn('admin', { viewport: PHONE });
    for (const [path, heading] of [
      ['/admin/instances', 'All processes'],
      ['/admin/tasks', 'All tasks'],
      ['/admin/org', 'Organisation'],
      ['/admin/org?tab=roles', 'Organisation'],
      ['/admin/org?tab=groups', 'Organisation'],
      ['/admin/calendar', 'Working calendar'],
      ['/account/tokens', 'API tokens'],
    ] as const) {
      await phone.goto(path);
      await phone.getByRole('heading', { level: 1, name: heading }).waitFor();
      await phone.getByRole('link').nth(3).waitFor();
      expect(await horizontalOverflow(phone), path).toBe(0);
    }
    await phone.goto('/admin/calendar?year=2026');
    await phone.getByRole('button', { name: 'Thursday, January 1, 2026 · Holiday' }).waitFor();
    expect(await horizontalOverflow(phone), 'the year view').toBe(0);
    await screenshot(phone, 'admin-calendar-phone');
    await phone.goto('/admin/org');
    await phone.getByRole('button', { name: 'New employee' }).click();
    await phone
      .getByRole('dialog', { name: 'New employee' })
      .getByRole('button', { name: 'Create the employee' })
      .waitFor();
    expect(await horizontalOverflow(phone), 'the employee form').toBe(0);
    await screenshot(phone, 'admin-user-form-phone');
    await phone.goto('/admin/tasks');
    await phone.getByRole('table', { name: 'By employee' }).waitFor();
    await screenshot(phone, 'admin-all-tasks-phone');
    await phone.context().close();
  });
});
