import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { DESKTOP, SETUP_TIMEOUT } from './support.ts';

/** A lead pipeline is set up on the same settings page as deal pipelines, and the leads board takes it. */
describe('lead pipelines in the settings', () => {
  const stage = suiteStage();
  let page: Page;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  const badges = (name: string) =>
    page.getByRole('listitem', { name }).locator('.mantine-Badge-label').allTextContents();

  it('creates a pipeline of leads with their usual stages, listed apart from the deal pipelines', async () => {
    await page.goto(`${stage.server.url}/admin/pipelines`);
    await page.getByRole('heading', { level: 1, name: 'Pipelines' }).waitFor();
    const leadSection = page.getByRole('region', { name: 'Lead pipelines' });
    await leadSection.getByText('No lead pipeline yet.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'New pipeline' }).click();
    const dialog = page.getByRole('dialog', { name: 'New pipeline' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Requests');
    expect(await dialog.getByRole('textbox', { name: 'Name of stage 3' }).inputValue()).toBe('Quote sent');
    await dialog.getByRole('radio', { name: 'Leads' }).check();
    // The kind brings its own stages and keeps the name.
    expect(await dialog.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Requests');
    expect(await dialog.getByRole('textbox', { name: 'Name of stage 3' }).inputValue()).toBe('Converted');
    await dialog.getByRole('button', { name: 'Create the pipeline' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => badges('Requests')).toEqual(['New', 'In progress', 'Converted', 'Junk']);
    await leadSection.getByRole('listitem', { name: 'Requests' }).waitFor();
    expect(await page.getByRole('region', { name: 'Deal pipelines' }).getByRole('listitem').count()).toBe(0);

    const stored = await stage.server.api<{ items: { name: string; entity: string }[] }>(
      'GET',
      '/api/v1/crm/pipelines?entity=lead',
    );
    expect(stored.items.map((p) => [p.name, p.entity])).toEqual([['Requests', 'lead']]);
    await page.goto(`${stage.server.url}/crm/leads`);
    await page.getByRole('region', { name: 'Converted', exact: true }).waitFor();
  });
});
