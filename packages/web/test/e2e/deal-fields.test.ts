import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, createPipeline, fieldsOf, type PipelineBody, stageNamed } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  horizontalOverflow,
  openFromRussianMenu,
  PHONE,
  SETUP_TIMEOUT,
  screenshot,
  switchToRussian,
} from './support.ts';

/**
 * An administrator sets up the company's own deal fields: a list required to win a deal, a required
 * number, their order, a key used twice refused at the key, an edit and a deletion — each saved as the
 * whole list; the preview marks what a stage requires; in Russian, on a phone, and not for an employee.
 */
describe('the deal field settings', () => {
  let sales: PipelineBody;
  const stage = suiteStage(async (server) => {
    sales = await createPipeline(server, 'Sales', [
      { name: 'New', kind: 'open' },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ]);
    await createPipeline(server, 'Projects', [
      { name: 'Brief', kind: 'open' },
      { name: 'Won', kind: 'won' },
      { name: 'Dropped', kind: 'lost' },
    ]);
  });
  let page: Page;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  const list = () => page.getByRole('list', { name: 'Deal fields' });
  /** The fields in the order the list shows them, by the names their cards carry. */
  const labels = () =>
    list()
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));

  it('adds a list with its options, required to win a sales deal, its key made from the label', async () => {
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'CRM fields' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'CRM fields' }).waitFor();
    // Deals are the kind shown first.
    expect(await page.getByRole('radio', { name: 'Deals' }).isChecked()).toBe(true);
    await page.getByText('No fields yet', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Add a field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal field' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Источник сделки');
    const key = dialog.getByRole('textbox', { name: 'Key' });
    expect(await key.inputValue()).toBe('istochnikSdelki');
    await choose(page, 'Type', 'List');
    const options = dialog.getByRole('combobox', { name: 'Options' });
    await options.fill('Website');
    await options.press('Enter');
    await options.fill('Phone call');
    await options.press('Enter');
    await dialog.getByRole('combobox', { name: 'Required at stages' }).click();
    await page.getByRole('option', { name: 'Sales · Won' }).click();
    await dialog.getByRole('textbox', { name: 'Label' }).click();
    await screenshot(page, 'crm-deal-field-dialog-desktop');
    await dialog.getByRole('button', { name: 'Add the field' }).click();
    await page.getByText('Field “Источник сделки” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const card = list().getByRole('listitem', { name: 'Источник сделки' });
    await card.getByText('Options: Website, Phone call').waitFor();
    await card.getByText('Required at: Sales · Won').waitFor();
    expect(await fieldsOf(stage.server)).toEqual([
      {
        key: 'istochnikSdelki',
        label: 'Источник сделки',
        type: 'select',
        options: ['Website', 'Phone call'],
        required: false,
        requiredAtStages: [stageNamed(sales, 'Won').id],
      },
    ]);
  });

  it('adds a required number and moves it first', async () => {
    await page.getByRole('button', { name: 'Add a field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal field' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Budget');
    expect(await dialog.getByRole('textbox', { name: 'Key' }).inputValue()).toBe('budget');
    await choose(page, 'Type', 'Number');
    await dialog.getByRole('checkbox', { name: 'Required for every deal' }).check();
    await dialog.getByRole('button', { name: 'Add the field' }).click();
    await dialog.waitFor({ state: 'detached' });
    await list().getByRole('listitem', { name: 'Budget' }).getByText('Required', { exact: true }).waitFor();
    expect(await labels()).toEqual(['Источник сделки', 'Budget']);
    expect(await page.getByRole('button', { name: 'Move Budget down' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Move Budget up' }).click();
    await expect.poll(labels).toEqual(['Budget', 'Источник сделки']);
    await expect
      .poll(async () => (await fieldsOf(stage.server)).map((f) => f.key))
      .toEqual(['budget', 'istochnikSdelki']);
    expect((await fieldsOf(stage.server))[0]).toEqual({
      key: 'budget',
      label: 'Budget',
      type: 'number',
      options: [],
      required: true,
      requiredAtStages: [],
    });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-deal-fields-desktop');
  });

  it('previews the deal form, marking what the stage picked requires', async () => {
    const preview = page.getByRole('region', { name: 'Preview' });
    const asterisk = (label: string) =>
      preview.locator('label', { hasText: label }).locator('.mantine-InputWrapper-required').count();
    await preview.getByRole('textbox', { name: 'Budget' }).waitFor();
    expect(await asterisk('Budget')).toBe(1);
    expect(await asterisk('Источник сделки')).toBe(0);
    await choose(page, 'At the stage', 'Sales · Won');
    await expect.poll(() => asterisk('Источник сделки')).toBe(1);
    await choose(page, 'At the stage', 'Projects · Won');
    await expect.poll(() => asterisk('Источник сделки')).toBe(0);
  });

  it('refuses a key another field has, saying so at the key, and saves nothing', async () => {
    await page.getByRole('button', { name: 'Add a field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal field' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Budget again');
    const key = dialog.getByRole('textbox', { name: 'Key' });
    await key.fill('budget');
    await dialog.getByRole('button', { name: 'Add the field' }).click();
    await dialog.getByText('budget is used twice').waitFor();
    await expect.poll(() => key.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);

    // A key the server would refuse anyway is told before sending.
    await key.fill('title');
    await dialog.getByText('This name is built in: pick another.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Add the field' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await fieldsOf(stage.server)).map((f) => f.key)).toEqual(['budget', 'istochnikSdelki']);
  });

  it('edits a field keeping its key, and deletes another after asking', async () => {
    await page.getByRole('button', { name: 'What to do with Budget' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    let dialog = page.getByRole('dialog', { name: 'Field “Budget”' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Budget, RUB');
    expect(await dialog.getByRole('textbox', { name: 'Key' }).inputValue()).toBe('budget');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await list().getByRole('listitem', { name: 'Budget, RUB' }).waitFor();

    await page.getByRole('button', { name: 'What to do with Источник сделки' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    dialog = page.getByRole('dialog', { name: 'Delete the field “Источник сделки”?' });
    await dialog.getByText(/under istochnikSdelki/).waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Field “Источник сделки” deleted.').waitFor();
    await expect.poll(labels).toEqual(['Budget, RUB']);
    expect(await fieldsOf(stage.server)).toEqual([
      {
        key: 'budget',
        label: 'Budget, RUB',
        type: 'number',
        options: [],
        required: true,
        requiredAtStages: [],
      },
    ]);
  });

  it('is in Russian on a phone, the key suggested from Cyrillic', async () => {
    const phone = await stage.signIn('admin', { viewport: PHONE });
    await switchToRussian(phone);
    await openFromRussianMenu(phone, 'Поля CRM');
    await phone.getByRole('list', { name: 'Поля сделок' }).getByText('Число').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);

    await phone.getByRole('button', { name: 'Добавить поле' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Новое поле сделки' });
    await dialog.getByRole('textbox', { name: 'Название' }).fill('Дата подписания');
    expect(await dialog.getByRole('textbox', { name: 'Ключ' }).inputValue()).toBe('dataPodpisaniya');
    await choose(phone, 'Тип', 'Дата');
    await dialog.getByRole('checkbox', { name: 'Обязательно для каждой сделки' }).waitFor();
    await dialog.getByRole('combobox', { name: 'Обязательно на стадиях' }).waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'crm-deal-field-dialog-phone');
    await dialog.getByRole('button', { name: 'Добавить поле' }).click();
    await phone.getByText('Поле «Дата подписания» сохранено.').waitFor();
    expect((await fieldsOf(stage.server)).map((f) => [f.key, f.type])).toEqual([
      ['budget', 'number'],
      ['dataPodpisaniya', 'date'],
    ]);
    await phone.context().close();
  });

  it('is not for an employee: no menu item, and no page at its address', async () => {
    const employee = await stage.signIn(stage.company.employee);
    await employee
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Deals' })
      .waitFor();
    expect(await employee.getByRole('link', { name: 'CRM fields' }).count()).toBe(0);
    // The settings' former address leads to them too.
    await employee.goto('/admin/deal-fields');
    await employee.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(new URL(employee.url()).pathname).toBe('/admin/fields');
    expect(await employee.getByRole('button', { name: 'Add a field' }).count()).toBe(0);
    await employee.context().close();
  });
});
