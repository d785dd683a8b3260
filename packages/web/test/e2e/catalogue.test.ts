import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, PHONE, publish } from './support.ts';

const template = (
  key: string,
  name: string,
  settings: { sort?: number; icon?: string; labels?: string[] } = {},
) => ({
  key,
  name,
  ...settings,
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'end', type: 'end' },
  ],
  flows: [{ id: 'f1', source: 'start', target: 'end' }],
});

/** The catalogue's cards in page order: each template's key and the icon it shows. */
async function cards(page: Page): Promise<string[][]> {
  const items = page.getByTestId('catalogue-item');
  await items.first().waitFor();
  return items.evaluateAll((els) =>
    els.map((el) => [
      el.getAttribute('data-key') ?? '',
      el.querySelector('[data-icon]')?.getAttribute('data-icon') ?? '',
    ]),
  );
}

/**
 * Catalogue settings: templates appear in the start catalogue and the designer's list by their `sort`,
 * then name, each with its icon and labels (a label narrows the catalogue); an administrator changes
 * them in the designer's template settings.
 */
describe('template order and icons', () => {
  const stage = suiteStage(async (server) => {
    await publish(server, template('alpha', 'Alpha'));
    await publish(server, template('beta', 'Beta', { sort: 2, icon: 'truck', labels: ['Logistics'] }));
    await publish(server, template('zeta', 'Zeta', { sort: 1, icon: 'cash', labels: ['Finance'] }));
  });

  it('the catalogue lists templates by sort, then name, each with its icon', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await page.goto('/start');
    await expect
      .poll(() => cards(page))
      .toEqual([
        ['zeta', 'cash'],
        ['beta', 'truck'],
        ['alpha', 'none'],
      ]);
    await expect.poll(() => horizontalOverflow(page)).toBe(0);

    // A label narrows the catalogue; "All" brings the rest back.
    const labels = page.getByRole('group', { name: 'Labels' });
    await labels.getByText('Finance', { exact: true }).click();
    await expect.poll(() => cards(page)).toEqual([['zeta', 'cash']]);
    await labels.getByText('All', { exact: true }).click();
    await expect.poll(async () => (await cards(page)).length).toBe(3);
  });

  it('an administrator moves a template to the top and gives it an icon in the designer', async () => {
    const admin = await stage.signIn(stage.company.admin, { viewport: DESKTOP });
    await admin.goto('/designer');
    const rows = admin.getByTestId('template-row');
    await rows.first().waitFor();
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-key'))))
      .toEqual(['zeta', 'beta', 'alpha']);

    await admin.goto('/designer/alpha');
    await admin.getByTestId('status').getByText('Published v1').waitFor();
    await admin.getByTestId('settings-sort').fill('0');
    await admin.getByTestId('settings-icon').click();
    await admin.getByRole('option', { name: 'Travel' }).click();
    await admin.getByTestId('settings-labels').fill('Travel desk');
    await admin.getByTestId('settings-labels').press('Enter');
    await admin.getByTestId('action-save').click();
    await admin.getByTestId('status').getByText('Draft v2').waitFor();
    await admin.getByTestId('action-publish').click();
    await admin.getByTestId('status').getByText('Published v2').waitFor();
    const stored = await stage.server.api<{ definition: Record<string, unknown> }>(
      'GET',
      '/api/v1/definitions/alpha',
    );
    expect(stored.definition).toMatchObject({ sort: 0, icon: 'plane', labels: ['Travel desk'] });

    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto('/start');
    await expect
      .poll(() => cards(page))
      .toEqual([
        ['alpha', 'plane'],
        ['zeta', 'cash'],
        ['beta', 'truck'],
      ]);
    await page.getByRole('group', { name: 'Labels' }).getByText('Travel desk', { exact: true }).click();
    await expect.poll(() => cards(page)).toEqual([['alpha', 'plane']]);
  });
});
