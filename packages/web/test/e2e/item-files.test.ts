import { describe, expect, it } from 'vitest';
import { choose, createDeal, createPipeline, fieldsOf } from './crm-support.ts';
import { download, holdUploads, pdf, pdfBytes, picker } from './file-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, screenshot, switchToRussian } from './support.ts';

const SCAN = pdfBytes('Contract scan with Kirpich LLC');
const SIGNED = pdfBytes('Signed by both parties');

/** The phone the deal's page is tried on. */
const PHONE = { width: 390, height: 844 } as const;

interface HeldFileBody {
  id: string;
  name: string;
  size: number;
  uploadedBy: string;
}

/**
 * Files kept in the company's own fields: a deal's "Contract scan" attached on its page by its manager,
 * downloaded as it was and replaced; a list record added with its scan, which its page and the list
 * link to; the field settings offering the type in Russian; the deal's page on a phone.
 */
describe('files in CRM items and list records', () => {
  let dealUrl = '';
  let dealId = '';
  const stage = suiteStage(async (server) => {
    await server.api('PUT', '/api/v1/crm/fields/deal', {
      items: [{ key: 'contractScan', label: 'Contract scan', type: 'file', options: [], required: false }],
    });
    await server.api('POST', '/api/v1/lists', {
      key: 'contracts',
      name: 'Contracts',
      fields: [{ key: 'scan', label: 'Scan', type: 'file' }],
    });
    const sales = await createPipeline(server);
    const deal = await createDeal(server, {
      title: 'Bricks for Kirpich',
      pipelineId: sales.id,
      responsibleId: 'ivan',
    });
    dealId = deal.id;
    dealUrl = `/crm/deals/${deal.id}`;
  });

  const dealFiles = async () =>
    (await stage.server.api<{ items: HeldFileBody[] }>('GET', `/api/v1/crm/deals/${dealId}/files`)).items;
  const dealFields = async () =>
    (await stage.server.api<{ fields: Record<string, unknown> }>('GET', `/api/v1/crm/deals/${dealId}`))
      .fields;

  it('a manager attaches the contract scan to a deal, saves, and downloads it as it was', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto(dealUrl);
    const form = page.getByRole('form', { name: 'Deal Bricks for Kirpich' });
    const field = form.getByRole('group', { name: /Contract scan/ });
    await field.getByRole('button', { name: 'Attach file' }).waitFor();

    await picker(page, 'contractScan').setInputFiles(pdf('Contract scan.pdf', SCAN));
    await field.getByText('Contract scan.pdf').waitFor();
    await field.getByText(new RegExp(`^${SCAN.length}\\sbytes$`)).waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Deal “Bricks for Kirpich” saved.').waitFor();
    const [scan] = await dealFiles();
    expect(scan).toMatchObject({ name: 'Contract scan.pdf', size: SCAN.length, uploadedBy: 'ivan' });
    expect(await dealFields()).toEqual({ contractScan: scan?.id });

    // Read again, the field names the file the deal keeps, a link that downloads it.
    await page.reload();
    const link = field.getByRole('link', { name: 'Contract scan.pdf' });
    await link.waitFor();
    await field.getByText(new RegExp(`^${SCAN.length}\\sbytes$`)).waitFor();
    await screenshot(page, 'deal-file-field-desktop');
    expect(await download(page, link)).toEqual({ name: 'Contract scan.pdf', bytes: SCAN });
    await page.context().close();
  });

  it('replaces the scan with the signed contract, saving only once it is uploaded; both stay listed', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto(dealUrl);
    const form = page.getByRole('form', { name: 'Deal Bricks for Kirpich' });
    const field = form.getByRole('group', { name: /Contract scan/ });
    await field.getByRole('link', { name: 'Contract scan.pdf' }).waitFor();

    // While the file is on its way, saving waits for it rather than saving the old one.
    const save = form.getByRole('button', { name: 'Save' });
    const release = await holdUploads(page);
    await picker(page, 'contractScan').setInputFiles(pdf('Signed contract.pdf', SIGNED));
    await expect.poll(() => save.isDisabled()).toBe(true);
    await release();
    await field.getByText('Signed contract.pdf').waitFor();
    await expect.poll(() => save.isDisabled()).toBe(false);
    await save.click();
    await page.getByText('Deal “Bricks for Kirpich” saved.').waitFor();

    const files = await dealFiles();
    expect(files.map((f) => f.name)).toEqual(['Contract scan.pdf', 'Signed contract.pdf']);
    expect(await dealFields()).toEqual({ contractScan: files[1]?.id });
    const link = field.getByRole('link', { name: 'Signed contract.pdf' });
    await link.waitFor();
    expect(await field.getByText('Contract scan.pdf').count()).toBe(0);
    expect(await download(page, link)).toEqual({ name: 'Signed contract.pdf', bytes: SIGNED });
    await page.context().close();
  });

  it('a record is added with its scan; the list and the record’s page link to it', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto('/lists/contracts');
    await page.getByRole('button', { name: 'Add record' }).click();
    const dialog = page.getByRole('dialog', { name: 'New record in Contracts' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Supply of bricks');
    await picker(page, 'scan').setInputFiles(pdf('Supply contract.pdf', SCAN));
    await dialog.getByRole('group', { name: /Scan/ }).getByText('Supply contract.pdf').waitFor();
    await dialog.getByRole('button', { name: 'Add the record' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('table', { name: 'Records' }).getByRole('row', { name: /Supply of bricks/ });
    await row.getByRole('link', { name: 'Supply contract.pdf' }).waitFor();
    await screenshot(page, 'list-file-field-desktop');
    await row.getByRole('link', { name: 'Supply of bricks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Supply of bricks' }).waitFor();
    const link = page.getByRole('group', { name: /Scan/ }).getByRole('link', { name: 'Supply contract.pdf' });
    expect(await download(page, link)).toEqual({ name: 'Supply contract.pdf', bytes: SCAN });
    await page.context().close();
  });

  it('the field settings offer a file field, in Russian', async () => {
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await switchToRussian(page);
    await page.goto('/admin/fields');
    await page.getByRole('heading', { level: 1, name: 'Поля CRM' }).waitFor();
    await page.getByRole('list', { name: 'Поля сделок' }).getByText('Файл').waitFor();
    await page.getByRole('button', { name: 'Добавить поле' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новое поле сделки' });
    await dialog.getByRole('textbox', { name: 'Название' }).fill('Акт приёмки');
    await choose(page, 'Тип', 'Файл');
    await dialog.getByRole('button', { name: 'Добавить поле' }).click();
    await page.getByText('Поле «Акт приёмки» сохранено.').waitFor();
    expect((await fieldsOf(stage.server)).map((f) => [f.label, f.type])).toEqual([
      ['Contract scan', 'file'],
      ['Акт приёмки', 'file'],
    ]);
    await page.context().close();
  });

  it('on a phone the deal’s file fields and the list’s cards fit the screen', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await page.goto(dealUrl);
    const form = page.getByRole('form', { name: 'Deal Bricks for Kirpich' });
    await form
      .getByRole('group', { name: /Contract scan/ })
      .getByRole('link', { name: 'Signed contract.pdf' })
      .waitFor();
    await form
      .getByRole('group', { name: /Акт приёмки/ })
      .getByRole('button', { name: 'Attach file' })
      .waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'deal-file-field-phone');

    // A list's records are cards there, the scan a link on its record's card.
    await page.goto('/lists/contracts');
    await page
      .getByRole('article', { name: 'Supply of bricks' })
      .getByRole('link', { name: 'Supply contract.pdf' })
      .waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'list-file-field-phone');
    await page.context().close();
  });
});
