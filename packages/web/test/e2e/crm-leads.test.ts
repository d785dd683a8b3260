import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, column, createPipeline, type PipelineBody, stageNamed } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, PHONE, SETUP_TIMEOUT, screenshot } from './support.ts';

interface LeadBody {
  id: string;
  title: string;
  stageName: string;
  convertedDealId: string | null;
}

/** The stages of an inbound-requests pipeline. */
const LEAD_STAGES = [
  { name: 'Fresh', kind: 'open' },
  { name: 'Qualifying', kind: 'open' },
  { name: 'Converted', kind: 'won' },
  { name: 'Junk', kind: 'lost' },
] as const;

const TITLE = 'Website redesign request';

/**
 * A manager works a lead on a desktop: makes it, finds it on the board, moves it (by its menu, the stage
 * bar and a drag), converts it into a contact, a company and a deal; then the board on a phone.
 */
describe('leads', () => {
  let inbound: PipelineBody;
  const stage = suiteStage(async (server) => {
    inbound = await server.api<PipelineBody>('POST', '/api/v1/crm/pipelines', {
      name: 'Inbound',
      entity: 'lead',
      stages: LEAD_STAGES,
    });
    await createPipeline(server, 'Sales');
  });
  let page: Page;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  const leads = () => stage.server.api<{ items: LeadBody[] }>('GET', '/api/v1/crm/leads');

  it('creates a lead from the board and finds it in the first column', async () => {
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Leads', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Leads', exact: true }).waitFor();
    await page.getByRole('link', { name: 'New lead' }).click();
    const form = page.getByRole('form', { name: 'New lead' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Anna Lebedeva');
    await form.getByRole('textbox', { name: 'Company', exact: true }).fill('Roga i Kopyta');
    await form.getByRole('textbox', { name: 'Phone' }).fill('+7 900 111-22-33');
    await form.getByRole('textbox', { name: 'E-mail' }).fill('anna@roga.example');
    await form.getByRole('textbox', { name: 'Source' }).fill('Phone call');
    await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await form.getByRole('button', { name: 'Create the lead' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect((await leads()).items.map((l) => [l.title, l.stageName])).toEqual([[TITLE, 'Fresh']]);

    await page.getByRole('link', { name: '← Leads' }).click();
    const first = column(page, 'Fresh');
    const card = first.getByRole('article', { name: TITLE });
    await card.getByText('Anna Lebedeva · Roga i Kopyta').waitFor();
    await card.getByText('+7 900 111-22-33 · anna@roga.example').waitFor();
    await card.getByText('Phone call').waitFor();
    await card.getByText('Responsible: Administrator').waitFor();
    await first.getByLabel('1 lead').waitFor();
    await column(page, 'Qualifying').getByText('No leads at this stage.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-leads-desktop');

    const search = page.getByRole('searchbox', { name: 'Search by title, name, company, phone or e-mail' });
    await search.fill('nobody');
    await first.getByText('No lead here matches the search.').waitFor();
    await search.fill('ROGA');
    await first.getByRole('article', { name: TITLE }).waitFor();
    await search.fill('');
  });

  it('moves the lead with its card menu and with the stage bar', async () => {
    await page.goto('/crm/leads');
    await page.getByRole('button', { name: `What to do with ${TITLE}` }).click();
    await page.getByRole('menuitem', { name: 'Qualifying' }).click();
    await page.getByText(`“${TITLE}” moved to Qualifying.`).waitFor();
    await column(page, 'Qualifying').getByRole('article', { name: TITLE }).waitFor();
    await column(page, 'Fresh').getByText('No leads at this stage.').waitFor();

    await column(page, 'Qualifying').getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const bar = page.getByRole('group', { name: 'Stage' });
    await bar.getByRole('button', { name: 'Junk' }).click();
    await expect
      .poll(() => bar.getByRole('button', { name: 'Junk' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect((await leads()).items[0]?.stageName).toBe('Junk');
    await bar.getByRole('button', { name: 'Qualifying' }).click();
    await expect.poll(async () => (await leads()).items[0]?.stageName).toBe('Qualifying');
    // The history lists every stage it has been at.
    const history = page.getByRole('region', { name: 'Stage history' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(4);
  });

  it('moves the lead by dragging its card onto another column, and not to a stage lacking its field', async () => {
    await page.goto('/crm/leads');
    await column(page, 'Qualifying').getByRole('article', { name: TITLE }).dragTo(column(page, 'Fresh'));
    await page.getByText(`“${TITLE}” moved to Fresh.`).waitFor();
    await column(page, 'Fresh').getByRole('article', { name: TITLE }).waitFor();
    await column(page, 'Qualifying').getByText('No leads at this stage.').waitFor();
    await expect.poll(async () => (await leads()).items[0]?.stageName).toBe('Fresh');

    await stage.server.api('PUT', '/api/v1/crm/fields/lead', {
      items: [
        {
          key: 'budget',
          label: 'Budget',
          type: 'number',
          requiredAtStages: [stageNamed(inbound, 'Junk').id],
        },
      ],
    });
    await column(page, 'Fresh').getByRole('article', { name: TITLE }).dragTo(column(page, 'Junk'));
    await page.getByText(/^The lead's fields are not filled as the company requires: .*Budget/).waitFor();
    await column(page, 'Junk').getByText('No leads at this stage.').waitFor();
    await column(page, 'Fresh').getByRole('article', { name: TITLE }).waitFor();
    expect((await leads()).items[0]?.stageName).toBe('Fresh');

    await column(page, 'Fresh').getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('converts the lead into a deal with its contact and company, and then links to the deal', async () => {
    await page.getByRole('button', { name: 'Convert to deal' }).click();
    const dialog = page.getByRole('dialog', { name: `Convert “${TITLE}” to a deal` });
    expect(await dialog.getByRole('combobox', { name: 'Deal pipeline' }).inputValue()).toBe('Sales');
    await choose(page, 'Stage of the deal', 'In progress');
    await dialog.getByRole('button', { name: 'Convert', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.waitForURL(/\/crm\/deals\//);
    const dealId = new URL(page.url()).pathname.split('/').pop();
    const form = page.getByRole('form', { name: `Deal ${TITLE}` });
    await expect
      .poll(() => form.getByRole('combobox', { name: 'Contact' }).inputValue())
      .toBe('Anna Lebedeva');
    expect(await form.getByRole('combobox', { name: 'Company' }).inputValue()).toBe('Roga i Kopyta');
    const lead = (await leads()).items[0];
    expect(lead?.convertedDealId).toBe(dealId);
    expect(lead?.stageName).toBe('Converted');

    await page.goBack();
    await page.getByText('This lead has been converted to a deal.').waitFor();
    expect(await page.getByRole('link', { name: 'Open the deal' }).getAttribute('href')).toBe(
      `/crm/deals/${dealId}`,
    );
    expect(await page.getByRole('button', { name: 'Convert to deal' }).count()).toBe(0);
  });

  it('shows one stage at a time on a phone, with no sideways scrolling', async () => {
    const phone = await stage.signIn('admin', { viewport: PHONE });
    await phone.goto('/crm/leads');
    await phone.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await phone.getByText('No leads at this stage.').waitFor();
    await choose(phone, 'Stage', 'Converted (1)');
    const card = phone.getByRole('article', { name: TITLE });
    await card.getByText('Converted to a deal').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'crm-leads-phone');
    await phone.getByRole('link', { name: TITLE }).click();
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await phone.getByRole('link', { name: 'Open the deal' }).waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await phone.context().close();
  });
});
