import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, createDeal, createParty, createPipeline } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { horizontalOverflow, PHONE, SETUP_TIMEOUT, screenshot, switchToRussian } from './support.ts';

const WHOLESALE = [
  { name: 'New', kind: 'open' },
  { name: 'Quote sent', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
] as const;

/**
 * A sales manager on a phone offers a deal's client a quote: rows from the catalogue and free ones with
 * the total as typed, a row the server refuses said so at the row, the PDF, sending it while the deal
 * moves on, a copy as the next version (saved onto a colleague's change), the client's acceptance
 * setting the deal's amount, and VAT included in the prices or added on top.
 */
describe('quotes on a phone', () => {
  let dealUrl = '';
  const stage = suiteStage(async (server) => {
    const wholesale = await createPipeline(server, 'Wholesale', WHOLESALE);
    const acme = await createParty(server, 'companies', {
      name: 'ACME Ltd',
      email: 'buyer@acme.test',
      responsibleId: 'ivan',
    });
    const deal = await createDeal(server, {
      title: 'Forklifts for ACME',
      pipelineId: wholesale.id,
      responsibleId: 'ivan',
      companyId: acme.id,
      amount: 1000,
    });
    dealUrl = `/crm/deals/${deal.id}`;
    const product = (body: Record<string, unknown>) => server.api('POST', '/api/v1/crm/products', body);
    await product({ name: 'Forklift FL-15', sku: 'FL-15', unit: 'pcs', price: 1299.9 });
    await product({ name: 'Pallet truck', sku: 'PT-2', unit: 'pcs', price: 350 });
  });
  let page: Page;
  const row = (n: number) => page.getByRole('listitem', { name: `Row ${n}`, exact: true });
  const field = (n: number, label: string) => row(n).getByRole('textbox', { name: label, exact: true });
  const quotes = () => page.getByRole('region', { name: 'Quotes' });

  beforeAll(async () => {
    page = await stage.signIn(stage.company.employee, { viewport: PHONE });
  }, SETUP_TIMEOUT);

  it('makes a quote of a catalogue row and a free one, totalled as typed; a row refused says why', async () => {
    await page.goto(dealUrl);
    await quotes().getByText('No quotes for this deal yet.').waitFor();
    await quotes().getByRole('button', { name: 'New quote' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quote No. 1' }).waitFor();

    await page.getByRole('button', { name: 'Add a row' }).click();
    const product = row(1).getByRole('combobox', { name: 'Product' });
    await product.click();
    await product.fill('fl-15');
    // Each product offered shows its article and price.
    await page.getByRole('option', { name: /^Forklift FL-15\s*FL-15 · RUB\s1,299\.90$/ }).click();
    expect(await field(1, 'Name').inputValue()).toBe('Forklift FL-15');
    expect(await field(1, 'Price').inputValue()).toBe('1 299.9');
    await field(1, 'Quantity').fill('3.5');
    await field(1, 'Discount, %').fill('5.5');
    await row(1)
      .getByText(/^RUB\s4,299\.42$/)
      .waitFor();

    await page.getByRole('button', { name: 'Add a row' }).click();
    await field(2, 'Name').fill('Delivery and assembly');
    await field(2, 'Quantity').fill('2');
    await field(2, 'Discount, %').fill('10');
    await page.getByRole('button', { name: 'Save' }).click();
    await row(2).getByText('a row without a product needs its price').waitFor();

    await field(2, 'Price').fill('500');
    await row(2)
      .getByText(/^RUB\s900$/)
      .waitFor();
    await page.getByText(/^Total: RUB\s5,199\.42$/).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Quote No. 1 saved.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-quote-phone', { fullPage: true });
  });

  it('downloads its PDF and sends it to the client, moving the deal to “Quote sent”', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^(КП|Quote)-1\.pdf$/);
    expect((await readFile(await file.path())).subarray(0, 4).toString('latin1')).toBe('%PDF');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Send quote No. 1' });
    await dialog.getByText(/^Empty: the client's e-mail/).waitFor();
    await choose(page, 'Move the deal to stage', 'Quote sent');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Quote No. 1 sent to buyer@acme.test.').waitFor();

    // What the client was sent no longer changes.
    await page.getByText(/^Sent .+ to buyer@acme\.test$/).waitFor();
    await page.getByText(/^Total: RUB\s5,199\.42$/).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Deal: Forklifts for ACME' }).click();
    await page
      .getByRole('group', { name: 'Stage' })
      .getByRole('button', { name: 'Quote sent', pressed: true })
      .waitFor();
    const sent = quotes().getByRole('article', { name: 'Quote No. 1' });
    await sent.getByText('Sent', { exact: true }).waitFor();
    await sent.getByText(/^RUB\s5,199\.42$/).waitFor();
  });

  it("copies the sent quote as its next version, saved over a colleague's change and accepted: the deal's amount", async () => {
    await quotes().getByRole('link', { name: 'Quote No. 1' }).click();
    await page.getByRole('button', { name: 'Copy as new' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quote No. 2' }).waitFor();
    expect(await field(2, 'Name').inputValue()).toBe('Delivery and assembly');
    // The new version drops the discount on the delivery.
    await field(2, 'Discount, %').fill('');
    await page.getByText(/^Total: RUB\s5,299\.42$/).waitFor();
    // Meanwhile a colleague writes the terms: the save is refused, then made onto their version.
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await stage.server.api('PATCH', `/api/v1/crm/quotes/${id}`, { comment: 'Prepayment 50 %' });
    await page.getByRole('button', { name: 'Save' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved: someone changed this quote' });
    await alert.getByRole('button', { name: 'Load the current version' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Terms' }).inputValue())
      .toBe('Prepayment 50 %');
    expect(await field(2, 'Discount, %').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Quote No. 2 saved.').waitFor();

    await page.getByRole('button', { name: 'Accepted' }).click();
    const dialog = page.getByRole('dialog', { name: 'Did the client accept quote No. 2?' });
    await dialog.getByText(/its total, RUB\s5,299\.42, becomes the deal's amount/).waitFor();
    await dialog.getByRole('button', { name: 'Accepted' }).click();
    await page.getByText('Quote No. 2 accepted.').waitFor();
    expect(await page.getByRole('button', { name: 'Accepted' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Deal: Forklifts for ACME' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forklifts for ACME' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('5 299.42');
    // The deal was read afresh, not taken for someone else's change.
    expect(await page.getByText('Someone changed this deal after you opened it').count()).toBe(0);
    const accepted = quotes().getByRole('article', { name: 'Quote No. 2' });
    await accepted.getByText('Accepted', { exact: true }).waitFor();
  });

  it('shows VAT as the PDF prints it: included in the total, then added on top as the server adds it', async () => {
    await page.goto(dealUrl);
    await quotes().getByRole('button', { name: 'New quote' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quote No. 3' }).waitFor();
    await page.getByRole('button', { name: 'Add a row' }).click();
    await field(1, 'Name').fill('Fleet service, a year');
    await field(1, 'Price').fill('9299.42');
    await page.getByText(/^Total: RUB\s9,299\.42$/).waitFor();

    await choose(page, 'VAT', '22%');
    await page.getByText(/^incl\. VAT 22%: RUB\s1,676\.94$/).waitFor();
    await page.getByText(/^Total: RUB\s9,299\.42$/).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    // Saved, the PDF is a link again.
    await page.getByRole('link', { name: 'PDF' }).waitFor();

    await page.getByRole('switch', { name: 'Prices include VAT' }).uncheck();
    await page.getByText(/^Total before VAT: RUB\s9,299\.42$/).waitFor();
    await page.getByText(/^VAT 22%: RUB\s2,045\.87$/).waitFor();
    await page.getByText(/^Total including VAT: RUB\s11,345\.29$/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-quote-vat-phone', { fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'PDF' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const saved = await stage.server.api('GET', `/api/v1/crm/quotes/${id}`);
    expect(saved).toMatchObject({ vatRate: 22, vatIncluded: false, vat: 2045.87, total: 11_345.29 });
    await page.getByText(/^Total including VAT: RUB\s11,345\.29$/).waitFor();

    await page.goto(dealUrl);
    const line = quotes().getByRole('article', { name: 'Quote No. 3' });
    await line.getByText(/^RUB\s11,345\.29$/).waitFor();
    await line.getByText(/^incl\. VAT 22%: RUB\s2,045\.87$/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('is in Russian for a Russian reader', async () => {
    await switchToRussian(page);
    const section = page.getByRole('region', { name: 'Коммерческие предложения' });
    await section.getByRole('button', { name: 'Новое КП' }).click();
    await page.getByRole('heading', { level: 1, name: 'КП № 4' }).waitFor();
    await page.getByRole('combobox', { name: 'НДС', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Добавить строку' }).click();
    const first = page.getByRole('listitem', { name: 'Строка 1', exact: true });
    for (const label of ['Наименование', 'Количество', 'Цена', 'Скидка, %'])
      await first.getByRole('textbox', { name: label, exact: true }).waitFor();
    await first.getByRole('combobox', { name: 'Товар', exact: true }).waitFor();
    await page.getByText(/^Итого: 0\s₽$/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
