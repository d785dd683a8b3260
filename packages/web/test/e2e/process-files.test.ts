import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { download, holdUploads, pdf, pdfBytes, picker } from './file-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, publish, screenshot, switchToRussian } from './support.ts';

/** The contract to approve is a start parameter; the lawyer may add her marked-up copy. */
const contractApproval = {
  key: 'contract-approval',
  name: 'Contract approval',
  parameters: [{ id: 'contract', name: 'Contract', type: 'file', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'review',
      type: 'userTask',
      name: 'Lawyer reviews',
      config: {
        kind: 'review',
        title: 'Review the contract',
        assignees: ["'anna'"],
        fields: [{ id: 'marked', name: 'Marked-up copy', type: 'file' }],
      },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'review' },
    { id: 'f2', source: 'review', target: 'end' },
  ],
};

const CONTRACT = pdfBytes('Supply contract with Kirpich LLC');

/** The phone the start form is tried on. */
const PHONE = { width: 390, height: 844 } as const;

/** The section of the process's files, on a task's page or the process card. */
const filesSection = (page: Page, name = 'Files') => page.getByRole('region', { name });

/**
 * A contract approval with the contract attached: an employee attaches it on the start form (a required
 * field, told so when missing; an empty file refused at once) and starts; the lawyer sees it on her
 * task, downloads it as it was, answers with her marked-up copy attached in the task's form; the
 * process card lists both. Then the start form on a phone in Russian.
 */
describe('files in processes', () => {
  const stage = suiteStage((server) => publish(server, contractApproval));
  let instanceUrl = '';

  it('an employee attaches the contract on the start form and starts', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto('/start/contract-approval');
    await page.getByRole('heading', { level: 1, name: 'Contract approval' }).waitFor();
    const field = page.getByRole('group', { name: /Contract/ });

    // Nothing attached: the required field says so.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await field.getByText('Fill this in').waitFor();

    // An empty file is refused before it is sent.
    await picker(page, 'contract').setInputFiles(pdf('empty.pdf', Buffer.alloc(0)));
    await field.getByText('The file is empty: choose another one').waitFor();

    // While the file is on its way, the form waits for it rather than starting without it.
    const start = page.getByRole('button', { name: 'Start', exact: true });
    const release = await holdUploads(page);
    await picker(page, 'contract').setInputFiles(pdf('Supply contract.pdf', CONTRACT));
    await expect.poll(() => start.isDisabled()).toBe(true);
    await release();
    await field.getByText('Supply contract.pdf').waitFor();
    await expect.poll(() => start.isDisabled()).toBe(false);
    await field.getByText(new RegExp(`^${CONTRACT.length}\\sbytes$`)).waitFor();
    await field.getByRole('button', { name: 'Replace' }).waitFor();
    expect(await field.getByText('The file is empty').count()).toBe(0);
    await screenshot(page, 'start-form-file-desktop');

    await start.click();
    await page.waitForURL(/\/processes\/[^/]+$/, { waitUntil: 'commit' });
    instanceUrl = new URL(page.url()).pathname;
    await filesSection(page).getByRole('link', { name: 'Supply contract.pdf' }).waitFor();
    await page.context().close();
  });

  it('the lawyer sees the contract on her task, downloads it and answers with her copy', async () => {
    const page = await stage.signIn(stage.company.accountant, { viewport: DESKTOP });
    await page.getByRole('link', { name: /Review the contract/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Review the contract' }).waitFor();
    const link = filesSection(page).getByRole('link', { name: 'Supply contract.pdf' });
    expect(await download(page, link)).toEqual({ name: 'Supply contract.pdf', bytes: CONTRACT });

    const marked = Buffer.from('%PDF-1.4\n% Marked up by the lawyer\n%%EOF\n');
    await picker(page, 'marked').setInputFiles(pdf('Marked-up contract.pdf', marked));
    const copy = page.getByRole('group', { name: /Marked-up copy/ });
    await copy.getByText('Marked-up contract.pdf').waitFor();
    await screenshot(page, 'task-file-desktop');
    await page.getByRole('button', { name: 'Reviewed' }).click();
    await page.waitForURL((url) => url.pathname === '/', { waitUntil: 'commit' });
    await page.context().close();
  });

  it('the process card lists both files, the first given first, with who gave them', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto(instanceUrl);
    await page.getByText('Completed', { exact: true }).first().waitFor();
    const files = filesSection(page).getByRole('listitem');
    await expect.poll(() => files.count()).toBe(2);
    const [contract, marked] = [files.nth(0), files.nth(1)];
    await contract.getByRole('link', { name: 'Supply contract.pdf' }).waitFor();
    await contract.getByText(/uploaded by Ivan Petrov/).waitFor();
    await marked.getByRole('link', { name: 'Marked-up contract.pdf' }).waitFor();
    await marked.getByText(/uploaded by Anna Kuznetsova/).waitFor();
    expect((await download(page, contract.getByRole('link'))).bytes).toEqual(CONTRACT);
    await page.context().close();
  });

  it('on a phone in Russian: the file is attached, removed and attached again, then the process starts', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await switchToRussian(page);
    await page.goto('/start/contract-approval');
    await page.getByRole('heading', { level: 1, name: 'Contract approval' }).waitFor();
    const field = page.getByRole('group', { name: /Contract/ });
    const attach = field.getByRole('button', { name: 'Прикрепить файл' });
    await attach.waitFor();

    await picker(page, 'contract').setInputFiles(pdf('Договор поставки.pdf', CONTRACT));
    await field.getByText('Договор поставки.pdf').waitFor();
    await field.getByText(new RegExp(`^${CONTRACT.length}\\sбайт$`)).waitFor();
    await field.getByRole('button', { name: 'Заменить' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'start-form-file-phone');

    // Removed: the field is empty again, and the keyboard is back on the button that attaches one.
    await field.getByRole('button', { name: 'Убрать файл Договор поставки.pdf' }).click();
    await attach.waitFor();
    await expect.poll(() => attach.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await field.getByText('Договор поставки.pdf').count()).toBe(0);

    await picker(page, 'contract').setInputFiles(pdf('Договор поставки.pdf', CONTRACT));
    await field.getByText('Договор поставки.pdf').waitFor();
    await page.getByRole('button', { name: 'Запустить', exact: true }).click();
    await page.waitForURL(/\/processes\/[^/]+$/, { waitUntil: 'commit' });
    await filesSection(page, 'Файлы').getByRole('link', { name: 'Договор поставки.pdf' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.context().close();
  });
});
