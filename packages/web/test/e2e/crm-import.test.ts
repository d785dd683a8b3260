import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { column, createPipeline } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, PHONE, SETUP_TIMEOUT, screenshot, switchToRussian } from './support.ts';

const COMPANIES = `\uFEFFname;taxId;phone;responsible
ACME Ltd;7701234567;+7 495 000-00-00;ivan
"Roga i Kopyta";;;
`;

const DEALS = `title,stage,amount,company
Forklifts for ACME,In progress,"1 250 000,50",7701234567
Pallets,,90000,Roga i Kopyta
`;

/** Row 3 names a company nobody has; row 4 an amount that is no number. */
const BAD_DEALS = `title;amount;company
Cranes;100;ACME Ltd
Spare parts;200;Nobody Inc
Service;lots;ACME Ltd
`;

/** Leads as a Bitrix24 export heads them: a person's name in parts, a lead field's key as is. */
const LEADS = `Название лида;Фамилия;Имя;Компания;Телефон;Источник;Стадия;Сумма;budget
Website redesign;Lebedeva;Anna;Roga i Kopyta;+7 900 111-22-33;Website;Qualifying;250 000;300000
;Orlov;Pavel;;+7 900 000-00-00;Exhibition;;;
`;

/**
 * An employee brings their client base in from CSV files: companies, then deals naming them; a check
 * first writes nothing, and a file with a bad row is refused whole, its problems listed; then leads,
 * found on the leads board.
 */
describe('CRM import', () => {
  const stage = suiteStage((server) => createPipeline(server, 'Sales'));
  let page: Page;

  beforeAll(async () => {
    page = await stage.signIn('ivan', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  const count = async (kind: 'companies' | 'deals') =>
    (await stage.server.api<{ items: unknown[] }>('GET', `/api/v1/crm/${kind}`)).items.length;
  const attach = (name: string, text: string) =>
    page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

  it('checks a file of companies without writing, then imports it', async () => {
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Import', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByText('Companies first, then contacts, then deals', { exact: false }).waitFor();
    await page.getByText('taxId', { exact: true }).waitFor();
    await attach('companies.csv', COMPANIES);

    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('Importing it creates 2 and updates 0.').waitFor();
    expect(await count('companies')).toBe(0);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Created 2, updated 0.').waitFor();
    expect(await count('companies')).toBe(2);
  });

  it('imports deals naming those companies', async () => {
    await page.getByRole('form', { name: 'Import' }).getByText('Deals', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Deals' }).isChecked()).toBe(true);
    await page.getByText('pipeline', { exact: true }).waitFor();
    await attach('deals.csv', DEALS);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('Importing it creates 2 and updates 0.').waitFor();
    expect(await count('deals')).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Created 2, updated 0.').waitFor();
    const deals = await stage.server.api<{
      items: { title: string; amount: number; companyName: string; stageName: string }[];
    }>('GET', '/api/v1/crm/deals');
    expect(deals.items.map((d) => [d.title, d.amount, d.companyName, d.stageName]).sort()).toEqual([
      ['Forklifts for ACME', 1250000.5, 'ACME Ltd', 'In progress'],
      ['Pallets', 90000, 'Roga i Kopyta', 'New'],
    ]);
  });

  it('lists the problems of a bad file by row and column, and writes nothing', async () => {
    await attach('bad.csv', BAD_DEALS);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const table = page.getByRole('table', { name: 'Problems of the file' });
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
      );
    expect(rows).toEqual([
      ['3', 'company'],
      ['4', 'amount'],
    ]);
    await table.getByText(/Nobody Inc/).waitFor();
    expect(await count('deals')).toBe(2);
    await screenshot(page, 'crm-import-problems');
  });

  it('leads: with no lead pipeline, tells an employee an administrator sets one up', async () => {
    await page.goto('/crm/leads');
    await page
      .getByText('There is no lead pipeline yet. An administrator sets one up', { exact: false })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Set up pipelines' }).count()).toBe(0);
  });

  it('imports leads with Russian headers onto the lead pipeline, and shows them on the leads board', async () => {
    await stage.server.api('POST', '/api/v1/crm/pipelines', {
      name: 'Inbound',
      entity: 'lead',
      stages: [
        { name: 'Fresh', kind: 'open' },
        { name: 'Qualifying', kind: 'open' },
        { name: 'Converted', kind: 'won' },
        { name: 'Junk', kind: 'lost' },
      ],
    });
    await stage.server.api('PUT', '/api/v1/crm/fields/lead', {
      items: [{ key: 'budget', label: 'Budget', type: 'number' }],
    });
    await page.goto('/crm/import');
    await page.getByRole('form', { name: 'Import' }).getByText('Leads', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Leads' }).isChecked()).toBe(true);
    await page.getByText('source', { exact: true }).waitFor();
    await page.getByText('a column per lead field, named by its key', { exact: false }).waitFor();
    await attach('leads.csv', LEADS);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Created 2, updated 0.').waitFor();

    const leads = await stage.server.api<{
      items: {
        title: string;
        name: string | null;
        companyTitle: string | null;
        source: string | null;
        amount: number | null;
        stageName: string;
        responsibleName: string;
        fields: Record<string, unknown>;
      }[];
    }>('GET', '/api/v1/crm/leads');
    expect(
      leads.items
        .map((l) => [
          l.title,
          l.name,
          l.companyTitle,
          l.source,
          l.amount,
          l.stageName,
          l.fields.budget ?? null,
        ])
        .sort(),
    ).toEqual([
      ['Orlov Pavel', 'Orlov Pavel', null, 'Exhibition', null, 'Fresh', null],
      ['Website redesign', 'Lebedeva Anna', 'Roga i Kopyta', 'Website', 250000, 'Qualifying', 300000],
    ]);

    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Leads', exact: true })
      .click();
    const qualifying = column(page, 'Qualifying').getByRole('article', { name: 'Website redesign' });
    await qualifying.getByText('Lebedeva Anna · Roga i Kopyta').waitFor();
    await column(page, 'Fresh')
      .getByRole('article', { name: 'Orlov Pavel' })
      .getByText('Exhibition')
      .waitFor();
  });

  it('fits a phone', async () => {
    const phone = await stage.signIn('ivan', { viewport: PHONE });
    await phone.goto('/crm/import');
    await phone.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await phone.context().close();
  });

  it('offers leads in Russian on a phone, with no sideways scrolling', async () => {
    const phone = await stage.signIn('ivan', { viewport: PHONE });
    await switchToRussian(phone);
    await phone.goto('/crm/import');
    await phone.getByRole('heading', { level: 1, name: 'Импорт' }).waitFor();
    await phone.getByRole('form', { name: 'Импорт' }).getByText('Лиды', { exact: true }).click();
    await phone.getByText('откуда пришёл запрос', { exact: false }).waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    // The kinds' own box clips what does not fit, which the page's overflow does not show.
    const kinds = phone.getByRole('radiogroup', { name: 'Что импортировать' });
    expect(await kinds.evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
    await screenshot(phone, 'crm-import-leads-phone');
    await phone.context().close();
  });
});
