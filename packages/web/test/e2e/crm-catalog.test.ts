import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, PHONE, SETUP_TIMEOUT, screenshot, switchToRussian } from './support.ts';

interface PriceListBody {
  id: string;
  name: string;
  email: string | null;
  staleAfterDays: number;
  pricesUpdatedAt: string | null;
  requestedAt: string | null;
  stale: boolean;
  productCount: number;
}

interface ProductBody {
  name: string;
  sku: string | null;
  price: number;
  priceListName: string | null;
}

/** Row 3 has no price, row 4 a new article without its name. */
const BAD_PRICES = `sku;name;price
M8-40;Bolt M8×40;12,50
W-8;Washer 8 mm;cheap
N-8;;3
`;

const PRICES = `\uFEFFsku;name;unit;price;currency
M8-40;Bolt M8×40;pcs;12,50;RUB
W-8;Washer 8 mm;pcs;1,20;
N-8;Nut M8;pcs;3;
`;

const DEFAULT_SUBJECT = 'Запрос актуального прайс-листа — {{ priceList.name }}';

/** A price list's card on its page, named by the supplier. */
const listCard = (page: Page, name: string): Locator => page.getByRole('listitem', { name, exact: true });
/** A product's card in the catalogue, named by the product. */
const productCard = (page: Page, name: string): Locator => page.getByRole('article', { name, exact: true });

async function cardMenu(page: Page, name: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `What to do with ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

const attach = (dialog: Locator, name: string, text: string) =>
  dialog
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/**
 * An administrator on a phone keeps suppliers' price lists: adds one, loads its prices from CSV (a
 * broken file refused row by row, then a good one), finds them in the catalogue filtered by the
 * supplier, changes a price, sees which lists are stale and edits the letter asking for new prices; an
 * employee reads the catalogue without changing it and has no price lists page.
 */
describe('the product catalogue and price lists', () => {
  const stage = suiteStage();
  let page: Page;
  let metiz: PriceListBody;

  const priceLists = async () =>
    (await stage.server.api<{ items: PriceListBody[] }>('GET', '/api/v1/crm/price-lists')).items;
  const products = async () =>
    (await stage.server.api<{ items: ProductBody[] }>('GET', '/api/v1/crm/products')).items;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: PHONE });
  }, SETUP_TIMEOUT);

  it('adds a price list from the menu', async () => {
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Price lists' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Price lists' }).waitFor();
    await page.getByText('No price lists yet.').waitFor();

    await page.getByRole('button', { name: 'Add a price list' }).click();
    const dialog = page.getByRole('dialog', { name: 'New price list' });
    await dialog.getByRole('textbox', { name: 'Supplier', exact: true }).fill('Metiz');
    await dialog.getByRole('textbox', { name: "Supplier's e-mail" }).fill('prices@metiz.example');
    await dialog.getByRole('textbox', { name: 'Prices are stale after, days' }).fill('14');
    expect(await horizontalOverflow(page)).toBe(0);
    await dialog.getByRole('button', { name: 'Add the price list' }).click();
    await page.getByText('Price list “Metiz” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const card = listCard(page, 'Metiz');
    await card.getByText('prices@metiz.example').waitFor();
    await card.getByText('0 products').waitFor();
    await card.getByText('No prices uploaded yet · stale after 14 days').waitFor();
    const [stored] = await priceLists();
    expect(stored).toMatchObject({ name: 'Metiz', email: 'prices@metiz.example', staleAfterDays: 14 });
    metiz = stored as PriceListBody;
  });

  it('refuses a broken price file row by row, then loads a good one', async () => {
    await listCard(page, 'Metiz').getByRole('button', { name: 'Upload prices' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prices of Metiz' });
    await dialog.getByText('sku', { exact: true }).waitFor();

    await attach(dialog, 'bad.csv', BAD_PRICES);
    await dialog.getByRole('button', { name: 'Check' }).click();
    const table = dialog.getByRole('table', { name: 'Problems of the file' });
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
      );
    expect(rows).toEqual([
      ['3', 'price'],
      ['4', 'name'],
    ]);
    await table.getByText('not a price: "cheap"').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-prices-problems-phone');

    await attach(dialog, 'prices.csv', PRICES);
    await dialog.getByRole('button', { name: 'Check' }).click();
    await dialog.getByText('Importing it creates 3 and updates 0.').waitFor();
    expect(await products()).toEqual([]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('Created 3, updated 0.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const card = listCard(page, 'Metiz');
    await card.getByText('3 products').waitFor();
    await card.getByText(/^Prices of .+ · stale after 14 days$/).waitFor();
    const [loaded] = await priceLists();
    expect(loaded?.productCount).toBe(3);
    expect(loaded?.pricesUpdatedAt).not.toBeNull();
    expect(loaded?.stale).toBe(false);
  });

  it("shows the supplier's products in the catalogue, filtered by its list", async () => {
    await stage.server.api('POST', '/api/v1/crm/products', {
      name: 'Installation',
      price: 5000,
      unit: 'job',
    });
    await listCard(page, 'Metiz').getByRole('link', { name: '3 products' }).click();
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    expect(new URL(page.url()).searchParams.get('priceList')).toBe(metiz.id);
    expect(await page.getByRole('combobox', { name: 'Price list' }).inputValue()).toBe('Metiz');
    const list = page.getByRole('region', { name: 'Products' });
    await expect
      .poll(() => list.getByRole('article').allTextContents())
      .toEqual([
        expect.stringMatching(/^Bolt M8×40Article M8-40RUB\s12\.50 per pcsSupplier: Metiz/),
        expect.stringMatching(/^Nut M8Article N-8RUB\s3 per pcsSupplier: Metiz/),
        expect.stringMatching(/^Washer 8 mmArticle W-8RUB\s1\.20 per pcsSupplier: Metiz/),
      ]);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-products-phone');

    await page.getByRole('searchbox', { name: 'Search by name or article' }).fill('w-8');
    await expect.poll(() => list.getByRole('article').count()).toBe(1);
    await productCard(page, 'Washer 8 mm').waitFor();
    // Unfiltered, the company's own products show too; filtered by the supplier, only theirs.
    await page.goto('/crm/products');
    await productCard(page, 'Installation')
      .getByText(/RUB\s5,000 per job/)
      .waitFor();
    await choose(page, 'Price list', 'Metiz');
    await expect.poll(() => productCard(page, 'Installation').count()).toBe(0);
  });

  it("changes a product's price", async () => {
    await cardMenu(page, 'Bolt M8×40', 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Product “Bolt M8×40”' });
    expect(await dialog.getByRole('textbox', { name: 'Price', exact: true }).inputValue()).toBe('12.5');
    await dialog.getByRole('textbox', { name: 'Price', exact: true }).fill('13.75');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Product “Bolt M8×40” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await productCard(page, 'Bolt M8×40')
      .getByText(/^RUB\s13\.75 per pcs$/)
      .waitFor();
    const bolt = (await products()).find((p) => p.sku === 'M8-40');
    expect(bolt).toMatchObject({ name: 'Bolt M8×40', price: 13.75, priceListName: 'Metiz' });
  });

  it('shows an article already in the price list at the article field', async () => {
    await page.getByRole('button', { name: 'Add a product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New product' });
    expect(await dialog.getByRole('combobox', { name: 'Price list' }).inputValue()).toBe('Metiz');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Washer 8 mm, zinc');
    const article = dialog.getByRole('textbox', { name: 'Article' });
    await article.fill('W-8');
    await dialog.getByRole('textbox', { name: 'Price', exact: true }).fill('2');
    await dialog.getByRole('button', { name: 'Add the product' }).click();
    await dialog.getByText('The article W-8 is already in this price list.').waitFor();
    await expect.poll(() => article.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);

    await article.fill('W-8Z');
    await dialog.getByRole('button', { name: 'Add the product' }).click();
    await dialog.waitFor({ state: 'detached' });
    await productCard(page, 'Washer 8 mm, zinc').getByText('Article W-8Z').waitFor();
  });

  it('deletes a product after asking', async () => {
    await cardMenu(page, 'Washer 8 mm, zinc', 'Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete the product “Washer 8 mm, zinc”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Product “Washer 8 mm, zinc” deleted.').waitFor();
    await expect.poll(() => productCard(page, 'Washer 8 mm, zinc').count()).toBe(0);
    expect((await products()).map((p) => p.name).sort()).toEqual([
      'Bolt M8×40',
      'Installation',
      'Nut M8',
      'Washer 8 mm',
    ]);
  });

  it('marks a list stale exactly when the server says its prices are', async () => {
    // A fresh list is never stale (its period is a day at least), and the harness cannot move the
    // server's clock: the answer is rewritten in the browser to say the server found it stale.
    const old = await stage.server.api<PriceListBody>('POST', '/api/v1/crm/price-lists', {
      name: 'Krepezh',
      staleAfterDays: 1,
    });
    expect(old.stale).toBe(false);
    await page.goto('/crm/price-lists');
    await listCard(page, 'Krepezh').getByText('No e-mail: new prices are not asked for').waitFor();
    expect(await listCard(page, 'Krepezh').getByText('Stale', { exact: true }).count()).toBe(0);

    const stale = { stale: true, requestedAt: '2026-05-20T09:00:00.000Z' };
    await page.route('**/api/v1/crm/price-lists', async (route) => {
      const response = await route.fetch();
      const answer = (await response.json()) as { items: PriceListBody[] };
      for (const list of answer.items) if (list.id === old.id) Object.assign(list, stale);
      await route.fulfill({ response, json: answer });
    });
    await page.reload();
    const krepezh = listCard(page, 'Krepezh');
    await krepezh.getByText('Stale', { exact: true }).waitFor();
    await krepezh.getByText('New prices asked for on May 20, 2026').waitFor();
    expect(await listCard(page, 'Metiz').getByText('Stale', { exact: true }).count()).toBe(0);
    await screenshot(page, 'crm-price-lists-phone');
    await page.unroute('**/api/v1/crm/price-lists');
  });

  it('refuses to delete a list with products, in words, and deletes an empty one', async () => {
    await page.goto('/crm/price-lists');
    await cardMenu(page, 'Metiz', 'Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete the price list “Metiz”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog
      .getByRole('alert')
      .getByText('The price list still has products: delete them or move them to another price list first.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await cardMenu(page, 'Krepezh', 'Delete');
    await page
      .getByRole('dialog', { name: 'Delete the price list “Krepezh”?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByText('Price list “Krepezh” deleted.').waitFor();
    expect((await priceLists()).map((l) => l.name)).toEqual(['Metiz']);
  });

  it("edits a list's e-mail and period", async () => {
    await cardMenu(page, 'Metiz', 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Price list “Metiz”' });
    await dialog.getByRole('textbox', { name: "Supplier's e-mail" }).fill('sales@metiz.example');
    await dialog.getByRole('textbox', { name: 'Prices are stale after, days' }).fill('30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await listCard(page, 'Metiz').getByText('sales@metiz.example').waitFor();
    expect((await priceLists())[0]).toMatchObject({ email: 'sales@metiz.example', staleAfterDays: 30 });
  });

  it('shows a letter template that does not parse at its field, then saves it mended', async () => {
    const letter = page.getByRole('region', { name: 'Request for new prices' });
    const subject = letter.getByRole('textbox', { name: 'Subject' });
    await expect.poll(() => subject.inputValue()).toBe(DEFAULT_SUBJECT);
    const message = letter.getByRole('textbox', { name: 'Letter' });
    await message.fill('Dear {{ priceList.name ');
    await letter.getByRole('button', { name: 'Save the letter' }).click();

    // The words are the server's: ask it the same question for them.
    const refusal = await stage.server.api<{ code: string; errors: { path: string; message: string }[] }>(
      'PUT',
      '/api/v1/crm/price-request',
      { enabled: true, subject: DEFAULT_SUBJECT, message: 'Dear {{ priceList.name ' },
      422,
    );
    expect(refusal.code).toBe('INVALID_TEMPLATE');
    const words = refusal.errors.find((e) => e.path === 'body.message')?.message ?? '';
    expect(words).not.toBe('');
    await letter.getByText(words, { exact: true }).waitFor();
    await expect.poll(() => message.getAttribute('aria-invalid')).toBe('true');
    expect(await letter.getByRole('alert').count()).toBe(0);

    await message.fill('Your prices are ');
    await letter.getByRole('button', { name: '{{ priceList.days }}' }).click();
    await expect.poll(() => message.inputValue()).toBe('Your prices are {{ priceList.days }}');
    await letter.getByRole('switch', { name: /^Send requests/ }).uncheck();
    await letter.getByRole('button', { name: 'Save the letter' }).click();
    await page.getByText('The letter is saved.').waitFor();
    expect(await stage.server.api('GET', '/api/v1/crm/price-request')).toEqual({
      enabled: false,
      subject: DEFAULT_SUBJECT,
      message: 'Your prices are {{ priceList.days }}',
    });
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('lets an employee read the catalogue but change nothing, and has no price lists page for them', async () => {
    const employee = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    const menu = employee.getByRole('navigation', { name: 'Main menu' });
    await menu.getByRole('link', { name: 'Products' }).click();
    await employee.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    await productCard(employee, 'Bolt M8×40')
      .getByText(/^RUB\s13\.75 per pcs$/)
      .waitFor();
    expect(await employee.getByRole('article').count()).toBe(4);
    expect(await employee.getByRole('button', { name: /^What to do with/ }).count()).toBe(0);
    expect(await employee.getByRole('button', { name: 'Add a product' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Price lists' }).count()).toBe(0);

    await employee.goto('/crm/price-lists');
    await employee.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(await employee.getByRole('listitem', { name: 'Metiz' }).count()).toBe(0);
    await employee.context().close();
  });

  it('is in Russian for a Russian reader', async () => {
    const russian = await stage.signIn('admin', { viewport: DESKTOP });
    await switchToRussian(russian);
    const menu = russian.getByRole('navigation', { name: 'Главное меню' });
    await menu.getByRole('link', { name: 'Прайс-листы' }).click();
    await russian.getByRole('heading', { level: 1, name: 'Прайс-листы' }).waitFor();
    const card = listCard(russian, 'Metiz');
    await card.getByRole('link', { name: '3 товара' }).waitFor();
    await card.getByText(/^Цены от .+ · устаревают через 30 дней$/).waitFor();
    await card.getByRole('button', { name: 'Загрузить цены' }).waitFor();
    const letter = russian.getByRole('region', { name: 'Запрос новых цен' });
    await letter.getByRole('switch', { name: /^Отправлять запросы/ }).waitFor();
    await letter.getByText('сколько дней назад пришли цены').waitFor();

    await menu.getByRole('link', { name: 'Товары' }).click();
    await russian.getByRole('heading', { level: 1, name: 'Товары' }).waitFor();
    const bolt = productCard(russian, 'Bolt M8×40');
    await bolt.getByText(/^13,75\s₽ за pcs$/).waitFor();
    await bolt.getByText('Артикул M8-40').waitFor();
    await russian.getByRole('button', { name: 'Действия с товаром Bolt M8×40' }).click();
    await russian.getByRole('menuitem', { name: 'Изменить' }).click();
    const dialog = russian.getByRole('dialog', { name: 'Товар «Bolt M8×40»' });
    await dialog.getByRole('textbox', { name: 'Артикул' }).waitFor();
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await russian.context().close();
  });
});
