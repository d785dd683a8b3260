import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, column, dealCard } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, SETUP_TIMEOUT, screenshot } from './support.ts';

/**
 * An administrator starts the CRM on a desktop, step by step: a pipeline set up in the settings, a
 * company with a contact, a deal on the board, dragged to another stage. (The deal's own page:
 * crm-deal.test.ts.)
 */
describe('the CRM on a desktop', () => {
  const stage = suiteStage();
  let page: Page;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  const open = async (menu: string, heading: string) => {
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: menu, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  };
  const badges = (page: Page, name: string) =>
    page.getByRole('listitem', { name }).locator('.mantine-Badge-label').allTextContents();

  it('says deals need a pipeline, and sets one up with the usual stages and one more', async () => {
    await open('Deals', 'Deals');
    await page.getByText('There are no pipelines yet. Create one: deals move along its stages.').waitFor();
    await page.getByRole('link', { name: 'Set up pipelines' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipelines' }).waitFor();

    await page.getByRole('button', { name: 'New pipeline' }).click();
    const dialog = page.getByRole('dialog', { name: 'New pipeline' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Wholesale');
    expect(await dialog.getByRole('textbox', { name: 'Name of stage 1' }).inputValue()).toBe('New');
    expect(await dialog.getByRole('textbox', { name: 'Name of stage 5' }).inputValue()).toBe('Lost');
    // A new stage goes before the closing ones; moved up, it comes before "Quote sent".
    await dialog.getByRole('button', { name: 'Add a stage' }).click();
    await dialog.getByRole('textbox', { name: 'Name of stage 4' }).fill('Negotiation');
    await dialog.getByRole('button', { name: 'Move stage 4 up' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Name of stage 3' }).inputValue()).toBe('Negotiation');
    await dialog.getByRole('button', { name: 'Create the pipeline' }).click();
    await page.getByText('Pipeline “Wholesale” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => badges(page, 'Wholesale'))
      .toEqual(['New', 'In progress', 'Negotiation', 'Quote sent', 'Won', 'Lost']);
    await screenshot(page, 'crm-pipelines-desktop');
  });

  it('creates a company, and a contact of it from its page', async () => {
    await open('Companies', 'Companies');
    await page.getByRole('button', { name: 'New company' }).click();
    let dialog = page.getByRole('dialog', { name: 'New company' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('ACME Ltd');
    await dialog.getByRole('textbox', { name: 'Tax ID' }).fill('7701234567');
    await dialog.getByRole('button', { name: 'Create the company' }).click();
    await page.getByRole('heading', { level: 1, name: 'ACME Ltd' }).waitFor();

    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.getByRole('button', { name: 'Add a contact' }).click();
    dialog = page.getByRole('dialog', { name: 'New contact' });
    expect(await dialog.getByRole('combobox', { name: 'Company' }).inputValue()).toBe('ACME Ltd');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Pavel Orlov');
    await dialog.getByRole('textbox', { name: 'Position' }).fill('Buyer');
    await dialog.getByRole('button', { name: 'Create the contact' }).click();
    await dialog.waitFor({ state: 'detached' });
    await contacts.getByRole('article', { name: 'Pavel Orlov' }).getByText('Buyer · ACME Ltd').waitFor();

    await open('Contacts', 'Contacts');
    const list = page.getByRole('region', { name: 'Contacts' });
    await list.getByRole('article', { name: 'Pavel Orlov' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search by name, phone or e-mail' }).fill('nobody');
    await page.getByText('No contact matches the search.').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('nobody');
  });

  it('creates a deal, found by searching its contact and company, in the first stage with its amount summed', async () => {
    await open('Deals', 'Deals');
    await page.getByRole('link', { name: 'New deal' }).click();
    await page.getByRole('heading', { level: 1, name: 'New deal' }).waitFor();
    const form = page.getByRole('form', { name: 'New deal' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Forklifts for ACME');
    await form.getByRole('textbox', { name: 'Amount' }).fill('150000');
    await choose(page, 'Contact', 'Pavel Orlov', 'pav');
    await choose(page, 'Company', 'ACME Ltd', 'acme');
    expect(await form.getByRole('combobox', { name: 'Responsible' }).inputValue()).toBe('Administrator');
    await form.getByRole('button', { name: 'Create the deal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forklifts for ACME' }).waitFor();

    await page.getByRole('link', { name: '← Deals' }).click();
    const first = column(page, 'New');
    const card = dealCard(page, 'Forklifts for ACME');
    await first.getByRole('article', { name: 'Forklifts for ACME' }).waitFor();
    await card.getByText(/^RUB\s150,000$/).waitFor();
    await card.getByText('ACME Ltd · Pavel Orlov').waitFor();
    await card.getByText('Responsible: Administrator').waitFor();
    await first.getByText(/^Total: RUB\s150,000$/).waitFor();
    await first.getByLabel('1 deal').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-board-desktop');

    const search = page.getByRole('searchbox', { name: 'Search deals' });
    await search.fill('pallets');
    await first.getByText('No deal here matches the search.').waitFor();
    await search.fill('FORKLIFTS');
    await first.getByRole('article', { name: 'Forklifts for ACME' }).waitFor();
  });

  it('moves a deal by dragging its card onto another column', async () => {
    await page.goto('/crm/deals');
    const card = column(page, 'New').getByRole('article', { name: 'Forklifts for ACME' });
    await card.dragTo(column(page, 'Negotiation'));
    await page.getByText('“Forklifts for ACME” moved to Negotiation.').waitFor();
    await column(page, 'Negotiation').getByRole('article', { name: 'Forklifts for ACME' }).waitFor();
    await column(page, 'New').getByText('No deals at this stage.').waitFor();
  });
});
