import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeDeal,
  column,
  confirmDeal,
  createDeal,
  createParty,
  createPipeline,
  discountDeal,
  type PipelineBody,
  stageNamed,
} from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, publish, SETUP_TIMEOUT, screenshot } from './support.ts';

/** A template made for companies: whoever leads the company checks it as a supplier. */
const checkSupplier = {
  ...confirmDeal,
  key: 'check-supplier',
  name: 'Check the supplier',
  documentType: 'company',
  nodes: confirmDeal.nodes.map((n) =>
    n.id === 'confirm' ? { ...n, config: { ...n.config, title: 'Check {{ document.name }}' } } : n,
  ),
};

const WHOLESALE = [
  { name: 'New', kind: 'open' },
  { name: 'In progress', kind: 'open' },
  { name: 'Quote sent', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
] as const;

/**
 * A deal's page on a desktop, step by step: moved along its stage bar with its history kept, edited
 * against someone else's change, processes started about it, a stage's required fields asked for, and
 * the pipeline settings refusing to drop what deals are on.
 */
describe("a deal's page", () => {
  let wholesale: PipelineBody;
  let dealUrl = '';
  const stage = suiteStage(async (server) => {
    await publish(server, confirmDeal);
    await publish(server, discountDeal);
    await publish(server, checkSupplier);
    wholesale = await createPipeline(server, 'Wholesale', WHOLESALE);
    const acme = await createParty(server, 'companies', { name: 'ACME Ltd' });
    const pavel = await createParty(server, 'contacts', { name: 'Pavel Orlov', companyId: acme.id });
    const deal = await createDeal(server, {
      title: 'Forklifts for ACME',
      pipelineId: wholesale.id,
      responsibleId: 'admin',
      amount: 150000,
      companyId: acme.id,
      contactId: pavel.id,
    });
    dealUrl = `/crm/deals/${deal.id}`;
  });
  let page: Page;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  it('moves the deal with its stage bar and keeps the stage history', async () => {
    await page.goto(dealUrl);
    const bar = page.getByRole('group', { name: 'Stage' });
    await bar.getByRole('button', { name: 'In progress' }).click();
    await bar.getByRole('button', { name: 'In progress', pressed: true }).waitFor();
    const history = page.getByRole('region', { name: 'Stage history' }).getByRole('listitem');
    await expect.poll(() => history.allTextContents()).toHaveLength(2);
    const [entered, moved] = await history.allTextContents();
    expect(entered).toMatch(/^New.* · Administrator$/);
    expect(moved).toMatch(/^In progress.* · Administrator$/);
    await screenshot(page, 'crm-deal-desktop');

    await page.getByRole('link', { name: '← Deals' }).click();
    await column(page, 'In progress').getByRole('article', { name: 'Forklifts for ACME' }).waitFor();
    await column(page, 'New').getByText('No deals at this stage.').waitFor();
  });

  it('refuses to save over a change made meanwhile, and saves the edit onto the newer deal', async () => {
    await page.goto(dealUrl);
    const form = page.getByRole('form', { name: 'Deal Forklifts for ACME' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Forklifts ×3 for ACME');
    // Someone else changes the amount while the form is open.
    await changeDeal(stage.server, dealUrl.split('/').pop() ?? '', { amount: 175000 });
    await form.getByRole('button', { name: 'Save' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('Not saved: someone changed this deal after you opened it').waitFor();

    await alert.getByRole('button', { name: 'Load the current version' }).click();
    await expect.poll(() => form.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('175 000');
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Forklifts ×3 for ACME');
    expect(await form.getByRole('alert').count()).toBe(0);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Deal “Forklifts ×3 for ACME” saved.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Forklifts ×3 for ACME' }).waitFor();
  });

  it('starts a process about the deal and lists it with the deal', async () => {
    await page.goto(dealUrl);
    const processes = page.getByRole('region', { name: 'Processes' });
    await processes.getByText('No process about this deal yet.').waitFor();
    await processes.getByRole('button', { name: 'Start process' }).click();
    await page.getByRole('menuitem', { name: 'Confirm the deal' }).click();
    await page.getByText('Process “Confirm the deal” started.').waitFor();
    await processes.getByRole('link', { name: 'Confirm the deal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm the deal' }).waitFor();
    // Its task went to the deal's responsible one, who read it as the process's document.
    await page
      .getByRole('region', { name: 'Open task' })
      .getByText('Confirm Forklifts ×3 for ACME')
      .waitFor();
  });

  it("starts a process about the deal's company from the company's page", async () => {
    const company = (
      await stage.server.api<{ items: { id: string; name: string }[] }>('GET', '/api/v1/crm/companies')
    ).items.find((c) => c.name === 'ACME Ltd');
    await page.goto(`/crm/companies/${company?.id}`);
    const processes = page.getByRole('region', { name: 'Processes' });
    await processes.getByText('No process about this company yet.').waitFor();
    await processes.getByRole('button', { name: 'Start process' }).click();
    expect(await page.getByRole('menuitem', { name: 'Confirm the deal' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'Check the supplier' }).click();
    await page.getByText('Process “Check the supplier” started.').waitFor();
    await processes.getByRole('link', { name: 'Check the supplier' }).click();
    await page.getByRole('region', { name: 'Open task' }).getByText('Check ACME Ltd').waitFor();
  });

  it('starts one that asks something first through its start form, still about the deal', async () => {
    await page.goto(dealUrl);
    await page
      .getByRole('region', { name: 'Processes' })
      .getByRole('button', { name: 'Start process' })
      .click();
    await page.getByRole('menuitem', { name: 'Approve a discount' }).click();
    const form = page.getByRole('form', { name: 'Start form: Approve a discount' });
    await form.getByRole('textbox', { name: 'Discount, %' }).fill('10');
    await form.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Approve a discount' }).waitFor();
    await page
      .getByRole('region', { name: 'Open task' })
      .getByText('10% off Forklifts ×3 for ACME')
      .waitFor();

    await page.goto(dealUrl);
    const processes = page.getByRole('region', { name: 'Processes' });
    await processes.getByRole('link', { name: 'Approve a discount' }).waitFor();
    await processes.getByRole('link', { name: 'Confirm the deal' }).waitFor();
  });

  it('asks for the fields a stage requires, and moves the deal once they are filled in', async () => {
    const won = stageNamed(wholesale, 'Won');
    await stage.server.api('PUT', '/api/v1/crm/fields/deal', {
      items: [{ key: 'signedOn', label: 'Signed on', type: 'date', requiredAtStages: [won.id] }],
    });
    await page.goto(dealUrl);
    const bar = page.getByRole('group', { name: 'Stage' });
    await bar.getByRole('button', { name: 'Won' }).click();
    const signedOn = page.getByRole('textbox', { name: 'Signed on' });
    await page.getByText(/Signed on must be filled/).waitFor();
    await signedOn.fill('2026-06-01');
    await bar.getByRole('button', { name: 'Won' }).click();
    await bar.getByRole('button', { name: 'Won', pressed: true }).waitFor();
    expect(await signedOn.inputValue()).toBe('2026-06-01');
  });

  it('refuses to remove a stage or delete a pipeline that deals are on, saying which', async () => {
    const quoteSent = stageNamed(wholesale, 'Quote sent');
    await createDeal(stage.server, {
      title: 'Spare parts',
      pipelineId: wholesale.id,
      stageId: quoteSent.id,
      responsibleId: 'admin',
    });
    await page.goto('/admin/pipelines');
    await page.getByRole('button', { name: 'What to do with Wholesale' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    let dialog = page.getByRole('dialog', { name: 'Edit “Wholesale”' });
    await dialog.getByRole('button', { name: 'Remove stage 3' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/A stage with deals on it cannot be removed.*Quote sent/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'What to do with Wholesale' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    dialog = page.getByRole('dialog', { name: 'Delete the pipeline “Wholesale”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/A pipeline with deals cannot be deleted/)
      .waitFor();
  });
});
