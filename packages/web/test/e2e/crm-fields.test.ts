import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, fieldsOf, type PipelineBody, stageNamed } from './crm-support.ts';
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

interface ItemBody {
  id: string;
  name?: string;
  stageName?: string;
  fields: Record<string, unknown>;
}

/** The stages of an inbound-requests pipeline. */
const LEAD_STAGES = [
  { name: 'Fresh', kind: 'open' },
  { name: 'Qualified', kind: 'open' },
  { name: 'Converted', kind: 'won' },
  { name: 'Junk', kind: 'lost' },
] as const;

/** Picks a kind of item in the field settings. */
const showFieldsOf = (page: Page, tab: string) =>
  page.getByRole('radiogroup').getByText(tab, { exact: true }).click();

/** How many asterisks the label of an input carries: one when the field is required. */
const asterisks = (scope: Page, label: string) =>
  scope.locator('label', { hasText: label }).locator('.mantine-InputWrapper-required').count();

/**
 * An administrator gives leads and companies fields of their own through the settings — a lead budget
 * required at a lead stage, a company's industry required always; a manager cannot create a company
 * without its industry, told so at the field, nor empty it later; a lead does not move on without its
 * budget, filled in on its page; the settings and a company's page in Russian on a phone.
 */
describe('fields of leads, contacts and companies', () => {
  let inbound: PipelineBody;
  let leadId: string;
  const stage = suiteStage(async (server) => {
    await createPipeline(server, 'Sales');
    inbound = await server.api<PipelineBody>('POST', '/api/v1/crm/pipelines', {
      name: 'Inbound',
      entity: 'lead',
      stages: LEAD_STAGES,
    });
    leadId = (
      await server.api<ItemBody>('POST', '/api/v1/crm/leads', {
        title: 'Website redesign request',
        name: 'Anna Lebedeva',
        pipelineId: inbound.id,
      })
    ).id;
  });
  let page: Page;
  let companyPath: string;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  it('adds a lead field required at a stage of the lead pipelines, offered only theirs', async () => {
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'CRM fields' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'CRM fields' }).waitFor();
    await showFieldsOf(page, 'Leads');
    await page.getByText('No fields yet: leads have', { exact: false }).waitFor();
    expect(new URL(page.url()).search).toBe('?entity=lead');

    await page.getByRole('button', { name: 'Add a field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead field' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Budget');
    await page.getByRole('combobox', { name: 'Type', exact: true }).click();
    await page.getByRole('option', { name: 'Number', exact: true }).click();
    await dialog.getByRole('checkbox', { name: 'Required for every lead' }).waitFor();
    await dialog.getByRole('combobox', { name: 'Required at stages' }).click();
    // The deal pipeline's stages (New, In progress, …) are not a lead's to reach.
    await expect
      .poll(() => page.getByRole('option').allTextContents())
      .toEqual(['Fresh', 'Qualified', 'Converted', 'Junk']);
    await page.getByRole('option', { name: 'Qualified' }).click();
    await dialog.getByRole('textbox', { name: 'Label' }).click();
    await dialog.getByRole('button', { name: 'Add the field' }).click();
    await page.getByText('Field “Budget” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const card = page.getByRole('list', { name: 'Lead fields' }).getByRole('listitem', { name: 'Budget' });
    await card.getByText('Required at: Qualified').waitFor();
    expect(await fieldsOf(stage.server, 'lead')).toEqual([
      {
        key: 'budget',
        label: 'Budget',
        type: 'number',
        options: [],
        required: false,
        requiredAtStages: [stageNamed(inbound, 'Qualified').id],
      },
    ]);
    expect(await fieldsOf(stage.server, 'deal')).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('adds a company field required for every company, with no stages to choose', async () => {
    await showFieldsOf(page, 'Companies');
    await page.getByText('No fields yet: companies have', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Add a field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New company field' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Industry');
    await dialog.getByRole('checkbox', { name: 'Required for every company' }).check();
    expect(await dialog.getByRole('combobox', { name: 'Required at stages' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Add the field' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page
      .getByRole('list', { name: 'Company fields' })
      .getByRole('listitem', { name: 'Industry' })
      .waitFor();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('textbox', { name: 'Industry' }).waitFor();
    expect(await asterisks(page, 'Industry')).toBe(1);
    expect(await preview.getByRole('combobox', { name: 'At the stage' }).count()).toBe(0);
    await screenshot(page, 'crm-fields-companies-desktop');
    expect(await fieldsOf(stage.server, 'company')).toEqual([
      {
        key: 'industry',
        label: 'Industry',
        type: 'string',
        options: [],
        required: true,
        requiredAtStages: [],
      },
    ]);
    expect(await fieldsOf(stage.server, 'lead')).toHaveLength(1);
  });

  it("refuses a company without its industry, saying so at the field, and creates it once it's given", async () => {
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Companies' })
      .click();
    await page.getByRole('button', { name: 'New company' }).click();
    const dialog = page.getByRole('dialog', { name: 'New company' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('ACME');
    const industry = dialog.getByRole('textbox', { name: 'Industry' });
    expect(await asterisks(page, 'Industry')).toBe(1);
    await dialog.getByRole('button', { name: 'Create the company' }).click();
    await dialog.getByText('Industry must be filled').waitFor();
    await expect.poll(() => industry.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect((await stage.server.api<{ items: ItemBody[] }>('GET', '/api/v1/crm/companies')).items).toEqual([]);

    await industry.fill('Retail');
    await dialog.getByRole('button', { name: 'Create the company' }).click();
    await page.getByRole('heading', { level: 1, name: 'ACME' }).waitFor();
    companyPath = new URL(page.url()).pathname;
    const form = page.getByRole('form', { name: 'Company ACME' });
    expect(await form.getByRole('textbox', { name: 'Industry' }).inputValue()).toBe('Retail');
    const [company] = (await stage.server.api<{ items: ItemBody[] }>('GET', '/api/v1/crm/companies')).items;
    expect(company).toMatchObject({ name: 'ACME', fields: { industry: 'Retail' } });
  });

  it("won't have the industry emptied on the company's page, and keeps another one", async () => {
    const form = page.getByRole('form', { name: 'Company ACME' });
    const industry = form.getByRole('textbox', { name: 'Industry' });
    await industry.fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Industry must be filled').waitFor();
    await expect.poll(() => industry.getAttribute('aria-invalid')).toBe('true');

    await industry.fill('Wholesale');
    await form.getByRole('button', { name: 'Save' }).click();
    const id = companyPath.split('/').pop() ?? '';
    await expect
      .poll(async () => (await stage.server.api<ItemBody>('GET', `/api/v1/crm/companies/${id}`)).fields)
      .toEqual({ industry: 'Wholesale' });
    await expect.poll(() => form.getByText('Industry must be filled').count()).toBe(0);
  });

  it('keeps a lead from the stage that needs its budget until it is filled in on its page', async () => {
    await page.goto(`/crm/leads/${leadId}`);
    const form = page.getByRole('form', { name: 'Lead Website redesign request' });
    const budget = form.getByRole('textbox', { name: 'Budget' });
    await budget.waitFor();
    expect(await asterisks(page, 'Budget')).toBe(0);

    const bar = page.getByRole('group', { name: 'Stage' });
    await bar.getByRole('button', { name: 'Qualified' }).click();
    await form.getByText('Budget must be filled at the stage Qualified').waitFor();
    await expect.poll(() => budget.getAttribute('aria-invalid')).toBe('true');

    await budget.fill('5000');
    await bar.getByRole('button', { name: 'Qualified' }).click();
    await bar.getByRole('button', { name: 'Qualified', pressed: true }).waitFor();
    await expect.poll(() => asterisks(page, 'Budget')).toBe(1);
    expect(await budget.inputValue()).toBe('5000');
    expect(await stage.server.api<ItemBody>('GET', `/api/v1/crm/leads/${leadId}`)).toMatchObject({
      stageName: 'Qualified',
      fields: { budget: 5000 },
    });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-lead-fields-desktop');
  });

  it("is in Russian on a phone: the kinds side by side, a company's page with its fields", async () => {
    const phone = await stage.signIn('admin', { viewport: PHONE });
    await switchToRussian(phone);
    await openFromRussianMenu(phone, 'Поля CRM');
    for (const tab of ['Сделки', 'Лиды', 'Контакты', 'Компании'])
      expect(await phone.getByRole('radiogroup').getByText(tab, { exact: true }).isVisible()).toBe(true);
    expect(await horizontalOverflow(phone)).toBe(0);

    await showFieldsOf(phone, 'Лиды');
    await phone
      .getByRole('list', { name: 'Поля лидов' })
      .getByText('Обязательно на стадиях: Qualified')
      .waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await showFieldsOf(phone, 'Компании');
    await phone.getByRole('list', { name: 'Поля компаний' }).getByText('Обязательное').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'crm-fields-phone');

    await phone.goto(companyPath);
    const industry = phone.getByRole('textbox', { name: 'Industry' });
    expect(await industry.inputValue()).toBe('Wholesale');
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'crm-company-fields-phone');
    await phone.context().close();
  });
});
