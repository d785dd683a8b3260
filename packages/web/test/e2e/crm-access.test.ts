import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  createDeal,
  createPipeline,
  type DealBody,
  dealCard,
  type PipelineBody,
} from './crm-support.ts';
import { asUser } from './session-api.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, PHONE, SETUP_TIMEOUT, screenshot, switchToRussian } from './support.ts';

interface GrantBody {
  id: string;
  role: string;
  entity: string;
  pipelineId: string | null;
  pipelineName: string | null;
  access: 'read' | 'write';
}

const NO_GRANTS = 'No role has access beyond its own items yet.';

/**
 * An administrator lets lawyers read the "Contracts" pipeline's deals from a phone, then change them,
 * is told when the same grant is asked for twice or a role vanished meanwhile, and withdraws it; a
 * lawyer gains and loses the deal accordingly; in Russian; an employee has no such page.
 */
describe('CRM access by role', () => {
  let contracts: PipelineBody;
  let contract: DealBody;
  const stage = suiteStage(async (server) => {
    await createPipeline(server);
    contracts = await createPipeline(server, 'Contracts');
    await server.api('POST', '/api/v1/roles', { name: 'lawyer', title: 'Lawyers' });
    await server.api('POST', '/api/v1/roles', { name: 'auditor', title: 'Auditors' });
    await server.api('PATCH', '/api/v1/users/anna', { roles: [{ role: 'lawyer' }] });
    contract = await createDeal(server, {
      title: 'Supply contract',
      pipelineId: contracts.id,
      responsibleId: 'ivan',
    });
  });
  const grants = async () =>
    (await stage.server.api<{ items: GrantBody[] }>('GET', '/api/v1/crm/access')).items;
  let page: Page;
  let lawyer: Page;
  const dealPath = () => `/api/v1/crm/deals/${contract.id}`;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: PHONE });
    lawyer = await stage.signIn(stage.company.accountant);
  }, SETUP_TIMEOUT);

  const row = () =>
    page
      .getByRole('region', { name: 'Lawyers' })
      .getByRole('listitem', { name: 'Deals · pipeline Contracts', exact: true });

  it("grants lawyers read on the Contracts pipeline from a phone: a lawyer reads its deal, can't change it", async () => {
    expect((await asUser(lawyer, 'GET', dealPath())).status).toBe(404);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'CRM access' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'CRM access' }).waitFor();
    await page.getByText(NO_GRANTS).waitFor();

    await page.getByRole('button', { name: 'Add access' }).click();
    const dialog = page.getByRole('dialog', { name: 'New access' });
    await dialog.getByRole('combobox', { name: 'Role', exact: true }).click();
    // The built-in roles see every CRM item already: they are not offered.
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Auditors', 'Lawyers']);
    await page.getByRole('option', { name: 'Lawyers', exact: true }).click();
    expect(await dialog.getByRole('combobox', { name: 'What', exact: true }).inputValue()).toBe('Deals');
    await choose(page, 'Pipeline', 'Contracts');
    expect(await dialog.getByRole('radio', { name: 'Read', exact: true }).isChecked()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await dialog.getByRole('button', { name: 'Grant access' }).click();
    await dialog.waitFor({ state: 'detached' });

    await row().waitFor();
    expect(await row().getByRole('radio', { name: 'Read', exact: true }).isChecked()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-access-phone');
    expect(await grants()).toMatchObject([
      { role: 'lawyer', entity: 'deal', pipelineId: contracts.id, pipelineName: 'Contracts', access: 'read' },
    ]);

    expect(await asUser(lawyer, 'GET', dealPath())).toMatchObject({
      status: 200,
      body: { title: 'Supply contract' },
    });
    const change = await asUser<{ code: string }>(lawyer, 'PATCH', dealPath(), { comment: 'Checked' });
    expect(change).toMatchObject({ status: 403, body: { code: 'READ_ONLY' } });
    await lawyer.goto(`/crm/deals?pipeline=${contracts.id}`);
    await dealCard(lawyer, 'Supply contract').waitFor();
  });

  it('switches the grant to read and change, and the lawyer changes the deal', async () => {
    await row().getByText('Read and change', { exact: true }).click();
    await expect.poll(async () => (await grants())[0]?.access).toBe('write');
    expect(await row().getByRole('radio', { name: 'Read and change' }).isChecked()).toBe(true);
    const change = await asUser(lawyer, 'PATCH', dealPath(), { comment: 'Checked by the lawyers' });
    expect(change).toMatchObject({ status: 200, body: { comment: 'Checked by the lawyers' } });
  });

  it('refuses the same grant twice, saying so in the dialog', async () => {
    await page.getByRole('button', { name: 'Add access' }).click();
    const dialog = page.getByRole('dialog', { name: 'New access' });
    await choose(page, 'Role', 'Lawyers');
    await choose(page, 'Pipeline', 'Contracts');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/crm/access') && r.status() === 409);
    await dialog.getByRole('button', { name: 'Grant access' }).click();
    expect(((await (await refused).json()) as { code: string }).code).toBe('GRANT_EXISTS');
    await dialog
      .getByRole('alert')
      .getByText('This role already has access to these items', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await grants()).toHaveLength(1);
  });

  it('shows a role removed while the dialog was open at the role, and offers no pipeline for companies', async () => {
    await page.getByRole('button', { name: 'Add access' }).click();
    const dialog = page.getByRole('dialog', { name: 'New access' });
    await choose(page, 'Role', 'Auditors');
    await choose(page, 'What', 'Companies');
    expect(await dialog.getByRole('combobox', { name: 'Pipeline' }).count()).toBe(0);
    await stage.server.api('DELETE', '/api/v1/roles/auditor', undefined, 204);
    await dialog.getByRole('button', { name: 'Grant access' }).click();
    await dialog.getByText('there is no role auditor', { exact: true }).waitFor();
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Role', exact: true }).getAttribute('aria-invalid'))
      .toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('withdraws the grant after asking, and the lawyer no longer sees the deal', async () => {
    await row().getByRole('button', { name: 'Remove access to Deals · pipeline Contracts' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove the access of Lawyers?' });
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText(NO_GRANTS).waitFor();
    expect(await grants()).toEqual([]);
    expect((await asUser(lawyer, 'GET', dealPath())).status).toBe(404);
  });

  it('is in Russian for a Russian reader', async () => {
    await stage.server.api('POST', '/api/v1/crm/access', {
      role: 'lawyer',
      entity: 'company',
      access: 'read',
    });
    const russian = await stage.signIn('admin', { viewport: DESKTOP });
    await switchToRussian(russian);
    await russian
      .getByRole('navigation', { name: 'Главное меню' })
      .getByRole('link', { name: 'Доступ к CRM' })
      .click();
    await russian.getByRole('heading', { level: 1, name: 'Доступ к CRM' }).waitFor();
    const companies = russian
      .getByRole('region', { name: 'Lawyers' })
      .getByRole('listitem', { name: 'Все компании' });
    expect(await companies.getByRole('radio', { name: 'Чтение', exact: true }).isChecked()).toBe(true);
    await companies.getByRole('radio', { name: 'Чтение и изменение' }).waitFor({ state: 'attached' });
    await russian.getByRole('button', { name: 'Добавить доступ' }).click();
    const dialog = russian.getByRole('dialog', { name: 'Новый доступ' });
    await dialog.getByRole('combobox', { name: 'Воронка' }).waitFor();
    await dialog.getByRole('button', { name: 'Дать доступ' }).waitFor();
    await russian.context().close();
  });

  it('is not for an employee: no menu item, no page, and the server refuses the list', async () => {
    const employee = await stage.signIn(stage.company.employee);
    await employee
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Deals' })
      .waitFor();
    expect(await employee.getByRole('link', { name: 'CRM access' }).count()).toBe(0);
    await employee.goto('/crm/access');
    await employee.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(await employee.getByRole('button', { name: 'Add access' }).count()).toBe(0);
    expect((await asUser(employee, 'GET', '/api/v1/crm/access')).status).toBe(403);
    await employee.context().close();
  });
});
