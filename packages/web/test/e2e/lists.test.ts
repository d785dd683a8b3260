import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  horizontalOverflow,
  openFromRussianMenu,
  openTaskId,
  PHONE,
  publish,
  SETUP_TIMEOUT,
  screenshot,
  startInstance,
  switchToRussian,
} from './support.ts';

/** A template made for the contracts' records: the one who added the record checks it. */
const checkContract = {
  key: 'check-contract',
  name: 'Check the contract',
  documentType: 'list:contracts',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'check',
      type: 'userTask',
      name: 'Check',
      config: { kind: 'acknowledge', assignees: ['document.author'], title: 'Check {{ document.title }}' },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'check' },
    { id: 'f2', source: 'check', target: 'end' },
  ],
};

/** A template whose step adds a record to the contracts, its counterparty given by an expression. */
const registerContract = {
  key: 'register-contract',
  name: 'Register a contract',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'register',
      type: 'addListRecord',
      name: 'Register',
      config: { list: 'contracts', title: 'Contract of {{ starter }}', values: { counterparty: "'ACME'" } },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'register' },
    { id: 'f2', source: 'register', target: 'end' },
  ],
};

interface RecordBody {
  id: string;
  title: string;
  values: Record<string, unknown>;
  createdBy: string;
}

/** Adds a field in the list settings' field dialog: label, type, a list's options, required. */
async function addField(
  page: Page,
  field: { label: string; type?: string; options?: string[]; required?: boolean },
): Promise<void> {
  await page.getByRole('button', { name: 'Add a field' }).click();
  const dialog = page.getByRole('dialog', { name: 'New field' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill(field.label);
  if (field.type) await choose(page, 'Type', field.type);
  for (const option of field.options ?? []) {
    await dialog.getByRole('combobox', { name: 'Options' }).fill(option);
    await dialog.getByRole('combobox', { name: 'Options' }).press('Enter');
  }
  if (field.required) await dialog.getByRole('checkbox', { name: 'Required for every record' }).check();
  await dialog.getByRole('button', { name: 'Add the field' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * An administrator sets up a register of contracts through the settings — three fields, read by everyone,
 * written by the clerks; a clerk adds a record (told first at the field that a required value is missing),
 * finds it by searching in another letter case and changes it; someone without the role only reads it;
 * a process made for the list's records starts from a record's page; all in Russian on a phone.
 */
describe('lists', () => {
  const stage = suiteStage(async (server) => {
    await server.api('POST', '/api/v1/roles', { name: 'clerk', title: 'Clerks' });
    await server.api('PATCH', '/api/v1/users/ivan', { roles: [{ role: 'clerk' }] });
    await publish(server, checkContract);
    await publish(server, registerContract);
  });
  let admin: Page;
  let clerk: Page;
  let recordPath: string;

  beforeAll(async () => {
    admin = await stage.signIn('admin', { viewport: DESKTOP });
    clerk = await stage.signIn('ivan', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  it('is set up by an administrator: its fields, who reads and who writes', async () => {
    await admin
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Lists', exact: true })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Lists' }).waitFor();
    await admin.getByRole('link', { name: 'New list' }).click();
    await admin.getByRole('heading', { level: 1, name: 'New list' }).waitFor();

    await admin.getByRole('textbox', { name: 'Name' }).fill('Contracts');
    expect(await admin.getByRole('textbox', { name: 'Key' }).inputValue()).toBe('contracts');
    await admin.getByRole('textbox', { name: 'Description' }).fill('Contracts with suppliers and clients');
    await addField(admin, { label: 'Counterparty', required: true });
    await addField(admin, { label: 'Kind', type: 'List', options: ['supply', 'services'] });
    await addField(admin, { label: 'Amount', type: 'Number' });
    const fields = admin.getByRole('list', { name: 'Fields' });
    await fields.getByRole('listitem', { name: 'Kind' }).getByText('Options: supply, services').waitFor();

    // Everyone reads (the default); the clerks write instead of everyone.
    const writers = admin.getByRole('combobox', { name: 'Who writes' });
    await writers.click();
    await writers.press('Backspace');
    await writers.fill('Clerks');
    await admin.getByRole('option', { name: 'Role: Clerks' }).click();
    await writers.press('Escape');
    // The templates made for this list's records are offered as its process; none is chosen.
    await admin.getByRole('combobox', { name: 'Process for each new record' }).click();
    await admin.getByRole('option', { name: 'Check the contract' }).waitFor();
    await admin.keyboard.press('Escape');
    expect(await horizontalOverflow(admin)).toBe(0);
    await screenshot(admin, 'lists-settings-desktop', { fullPage: true });

    await admin.getByRole('button', { name: 'Create the list' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Contracts' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/lists/contracts');
    expect(await stage.server.api('GET', '/api/v1/lists/contracts')).toMatchObject({
      key: 'contracts',
      name: 'Contracts',
      description: 'Contracts with suppliers and clients',
      fields: [
        { key: 'counterparty', label: 'Counterparty', type: 'string', options: [], required: true },
        { key: 'kind', label: 'Kind', type: 'select', options: ['supply', 'services'], required: false },
        { key: 'amount', label: 'Amount', type: 'number', options: [], required: false },
      ],
      rights: { read: ['everyone'], write: ['role:clerk'] },
      processKey: null,
    });
  });

  it('takes a record from a clerk once its required field is filled, told so at the field first', async () => {
    await stage.server.api('POST', '/api/v1/lists/contracts/records', {
      title: 'Office cleaning',
      values: { counterparty: 'CleanCo', kind: 'services' },
    });
    await clerk
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Lists', exact: true })
      .click();
    await clerk.getByRole('link', { name: 'Contracts' }).click();
    await clerk.getByRole('heading', { level: 1, name: 'Contracts' }).waitFor();
    await clerk.getByRole('button', { name: 'Add record' }).click();
    const dialog = clerk.getByRole('dialog', { name: 'New record in Contracts' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Paper supply 2026');
    await choose(clerk, 'Kind', 'supply');
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('1200');
    await dialog.getByRole('button', { name: 'Add the record' }).click();

    const counterparty = dialog.getByRole('textbox', { name: 'Counterparty' });
    await dialog.getByText('Counterparty must be filled').waitFor();
    await expect.poll(() => counterparty.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);

    await counterparty.fill('Paper Mill LLC');
    await dialog.getByRole('button', { name: 'Add the record' }).click();
    await clerk.getByText('Record “Paper supply 2026” added.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const table = clerk.getByRole('table', { name: 'Records' });
    await table
      .getByRole('row', { name: /Paper supply 2026/ })
      .getByText('Paper Mill LLC')
      .waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await screenshot(clerk, 'lists-records-desktop');
  });

  it('finds the record in another letter case and changes its amount on its page', async () => {
    await clerk.getByRole('searchbox', { name: 'Search the records' }).fill('PAPER MILL');
    const table = clerk.getByRole('table', { name: 'Records' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('link', { name: 'Paper supply 2026' }).click();
    await clerk.getByRole('heading', { level: 1, name: 'Paper supply 2026' }).waitFor();
    recordPath = new URL(clerk.url()).pathname;

    const about = clerk.getByRole('region', { name: 'About the record' });
    await about.getByText('Ivan Petrov').waitFor();
    const form = clerk.getByRole('form', { name: 'Record Paper supply 2026' });
    expect(await form.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('1200');
    await form.getByRole('textbox', { name: 'Amount' }).fill('1500');
    await form.getByRole('button', { name: 'Save' }).click();
    await clerk.getByText('Record “Paper supply 2026” saved.').waitFor();
    const id = recordPath.split('/').pop() ?? '';
    expect(await stage.server.api<RecordBody>('GET', `/api/v1/list-records/${id}`)).toMatchObject({
      title: 'Paper supply 2026',
      values: { counterparty: 'Paper Mill LLC', kind: 'supply', amount: 1500 },
      createdBy: 'ivan',
    });
    await about.getByText('Changed by').waitFor();
  });

  it('is read-only to someone without the role: no record to add, none to change', async () => {
    const reader = await stage.signIn('anna', { viewport: DESKTOP });
    await reader.goto('/lists');
    const contracts = reader.getByRole('article', { name: 'Contracts' });
    await contracts.getByText('Read only').waitFor();
    const count = (await stage.server.api<{ items: unknown[] }>('GET', '/api/v1/lists/contracts/records'))
      .items.length;
    await contracts.getByText(`${count} record${count === 1 ? '' : 's'}`, { exact: true }).waitFor();
    await reader.getByRole('link', { name: 'Contracts' }).click();
    await reader.getByRole('heading', { level: 1, name: 'Contracts' }).waitFor();
    await reader
      .getByRole('table', { name: 'Records' })
      .getByRole('link', { name: 'Paper supply 2026' })
      .waitFor();
    expect(await reader.getByRole('button', { name: 'Add record' }).count()).toBe(0);
    expect(await reader.getByRole('link', { name: 'Settings' }).count()).toBe(0);

    await reader.goto(recordPath);
    const form = reader.getByRole('form', { name: 'Record Paper supply 2026' });
    await reader.getByText('You can read this item but not change it.').waitFor();
    expect(await form.getByRole('textbox', { name: 'Amount' }).isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Delete the record' }).count()).toBe(0);
    await reader.context().close();
  });

  it('starts a process made for the list from the record’s page and lists it there', async () => {
    const processes = clerk.getByRole('region', { name: 'Processes' });
    await processes.getByText('No process about this record yet.').waitFor();
    await processes.getByRole('button', { name: 'Start process' }).click();
    await clerk.getByRole('menuitem', { name: 'Check the contract' }).click();
    await clerk.getByText('Process “Check the contract” started.').waitFor();
    await processes.getByRole('link', { name: 'Check the contract' }).waitFor();

    const id = recordPath.split('/').pop() ?? '';
    const about = await stage.server.api<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/instances?documentRef=record:${id}`,
    );
    expect(about.items).toHaveLength(1);
    // Its task went to the record's author, read as the process's document.
    const task = await stage.server.api<{ title: string; assignees: string[] }>(
      'GET',
      `/api/v1/tasks/${await openTaskId(stage.server, about.items[0]?.id ?? '')}`,
    );
    expect(task).toMatchObject({ title: 'Check Paper supply 2026', assignees: ['ivan'] });
    await screenshot(clerk, 'lists-record-desktop');
  });

  it("offers the lists in the designer: as a template's document type, as an Add list record step's list", async () => {
    // A template for the list's records names the list as its document type.
    await admin.goto(`/designer/${checkContract.key}`);
    await expect
      .poll(() =>
        admin.getByTestId('settings-panel').getByRole('combobox', { name: 'Attached to' }).inputValue(),
      )
      .toBe('List: Contracts');

    await admin.goto(`/designer/${registerContract.key}`);
    await admin.locator('.react-flow__node[data-id="register"]').click();
    const list = admin.getByTestId('field-list');
    expect(await list.inputValue()).toBe('contracts');
    await admin.getByText('The key of the list the record goes to', { exact: false }).waitFor();
    await admin.getByRole('textbox', { name: "Values of the list's fields: counterparty" }).waitFor();
    await list.fill('');
    await admin.getByRole('option', { name: 'contracts Contracts' }).waitFor();
    expect(await horizontalOverflow(admin)).toBe(0);
    await screenshot(admin, 'lists-designer-step');
  });

  it('is in Russian on a phone without sideways scrolling', async () => {
    const phone = await stage.signIn('ivan', { viewport: PHONE });
    await switchToRussian(phone);
    await openFromRussianMenu(phone, 'Списки');
    await phone.getByRole('article', { name: 'Contracts' }).getByText('2 записи', { exact: true }).waitFor();
    await phone.getByRole('link', { name: 'Contracts' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Contracts' }).waitFor();
    await phone.getByRole('button', { name: 'Добавить запись' }).waitFor();
    await phone.getByRole('searchbox', { name: 'Поиск по записям' }).waitFor();
    const cards = phone.getByRole('region', { name: 'Записи' }).getByRole('article');
    await cards.filter({ hasText: 'Paper supply 2026' }).getByText('Paper Mill LLC').waitFor();
    expect(await cards.count()).toBe(2);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'lists-records-phone');

    await phone.getByRole('link', { name: 'Paper supply 2026' }).click();
    await phone.getByRole('region', { name: 'О записи' }).getByText('Добавил(а)').waitFor();
    await phone
      .getByRole('region', { name: 'Процессы' })
      .getByRole('link', { name: 'Check the contract' })
      .waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await phone.context().close();

    const settings = await stage.signIn('admin', { viewport: PHONE });
    await switchToRussian(settings);
    await settings.goto('/lists/contracts/settings');
    await settings.getByRole('heading', { level: 1, name: 'Настройки списка «Contracts»' }).waitFor();
    await settings
      .getByRole('list', { name: 'Поля' })
      .getByRole('listitem', { name: 'Counterparty' })
      .waitFor();
    await settings
      .getByRole('form', { name: 'Настройки списка «Contracts»' })
      .getByText('Роль: Clerks')
      .waitFor();
    expect(await horizontalOverflow(settings)).toBe(0);
    await screenshot(settings, 'lists-settings-phone');
    await settings.context().close();
  });

  it('names the process that added a record, linking to its card', async () => {
    const started = await startInstance(stage.server, {
      definitionKey: registerContract.key,
      startedBy: 'ivan',
    });
    let added: RecordBody | undefined;
    await expect
      .poll(async () => {
        const page = await stage.server.api<{ items: RecordBody[] }>(
          'GET',
          '/api/v1/lists/contracts/records',
        );
        added = page.items.find((r) => r.createdBy === `process:${started.id}`);
        return added?.title;
      })
      .toBe('Contract of ivan');
    await clerk.goto(`/lists/contracts/records/${added?.id}`);
    const about = clerk.getByRole('region', { name: 'About the record' });
    await about.getByRole('link', { name: 'a process' }).click();
    await clerk.waitForURL(`**/processes/${started.id}`);
    await clerk.getByRole('heading', { level: 1, name: 'Register a contract' }).waitFor();
  });

  it('keeps an employee in an employee field, shown by name', async () => {
    await stage.server.api('POST', '/api/v1/lists', {
      key: 'cars',
      name: 'Company cars',
      fields: [{ key: 'driver', label: 'Driver', type: 'user' }],
    });
    await clerk.goto('/lists/cars');
    await clerk.getByRole('button', { name: 'Add record' }).click();
    const dialog = clerk.getByRole('dialog', { name: 'New record in Company cars' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Lada Largus А123ВС');
    await choose(clerk, 'Driver', 'Olga Smirnova');
    await dialog.getByRole('button', { name: 'Add the record' }).click();
    await dialog.waitFor({ state: 'detached' });
    await clerk
      .getByRole('table', { name: 'Records' })
      .getByRole('row', { name: /Lada Largus/ })
      .getByText('Olga Smirnova')
      .waitFor();
    const [car] = (await stage.server.api<{ items: RecordBody[] }>('GET', '/api/v1/lists/cars/records'))
      .items;
    expect(car?.values).toEqual({ driver: 'olga' });
  });
});
