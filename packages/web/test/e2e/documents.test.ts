import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// The server's tests build and read Word files the same way.
import { docxText, docxWith } from '../../../server/test/support/documents.ts';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  horizontalOverflow,
  openTaskId,
  PHONE,
  publish,
  screenshot,
  startInstance,
  switchToRussian,
  type TestServer,
} from './support.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Clicks what starts a download and answers the file the browser saved, with its suggested name. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: (download as Download).suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** Opens the "⋯" menu of one template's card and picks an item. */
async function pick(card: Locator, name: string, item: string): Promise<void> {
  await card.getByRole('button', { name: `What to do with ${name}` }).click();
  await card.page().getByRole('menuitem', { name: item }).click();
}

/** A receipt for a client: the process makes it as a PDF, mails it, the starter signs it, and it ends. */
const receiptProcess = {
  key: 'receipt-run',
  name: 'Receipt for a client',
  parameters: [{ id: 'client', name: 'Client', type: 'string', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'make',
      type: 'createDocument',
      name: 'Make the receipt',
      config: {
        template: 'receipt',
        fileName: 'Receipt {{ client }}',
        format: 'pdf',
        data: { client: 'client' },
      },
    },
    {
      id: 'mail',
      type: 'email',
      name: 'Mail the receipt',
      config: {
        to: ["'client@example.com'"],
        subject: 'Your receipt',
        body: 'Attached.',
        attachments: ['make'],
      },
    },
    {
      id: 'sign',
      type: 'userTask',
      name: 'Sign the receipt',
      config: { title: 'Sign the receipt', assignees: ['starter'] },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'make' },
    { id: 'f2', source: 'make', target: 'mail' },
    { id: 'f3', source: 'mail', target: 'sign' },
    { id: 'f4', source: 'sign', target: 'end' },
  ],
};

/** Waits until the worker has made the process's document; a dead job fails the test with its error. */
async function documentMade(server: TestServer, instanceId: string): Promise<void> {
  await expect
    .poll(async () => {
      const jobs = await server.api<{ items: { status: string; lastError: string | null }[] }>(
        'GET',
        `/api/v1/jobs?kind=createDocument&instanceId=${instanceId}`,
      );
      const job = jobs.items[0];
      if (job?.status === 'dead') throw new Error(`the document job died: ${job.lastError}`);
      return job?.status;
    })
    .toBe('done');
}

describe('the document templates page', () => {
  const stage = suiteStage((server) => publish(server, receiptProcess));

  it('writes, tries, uploads, edits and deletes templates — on a phone', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await page.getByRole('button', { name: 'Open the menu' }).click();
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await menu.getByRole('link', { name: 'Document templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Document templates' }).waitFor();
    await page.getByText('No templates yet: write a text one or upload a DOCX file.').waitFor();

    // A text template with a placeholder: its key follows the name.
    await page.getByRole('button', { name: 'New text template' }).click();
    let dialog = page.getByRole('dialog', { name: 'New text template' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Invoice');
    expect(await dialog.getByRole('textbox', { name: 'Key', exact: true }).inputValue()).toBe('invoice');
    await dialog.getByRole('textbox', { name: 'Text', exact: true }).fill('# Invoice\n\nClient: {client}');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Template “Invoice” saved.').waitFor();

    const list = page.getByRole('list', { name: 'Document templates' });
    const invoice = list.getByRole('listitem', { name: 'Invoice' });
    await invoice.getByText('Makes PDF, DOCX').waitFor();
    await invoice.getByText('client', { exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'document-templates-phone');

    // Tried as a PDF with a value for its placeholder.
    await invoice.getByRole('button', { name: 'Try it: Invoice' }).click();
    dialog = page.getByRole('dialog', { name: 'Try “Invoice”' });
    await dialog.getByRole('textbox', { name: 'client' }).fill('ACME');
    await dialog.getByText('PDF', { exact: true }).click();
    const pdf = await downloaded(page, () =>
      dialog.getByRole('button', { name: 'Download the document' }).click(),
    );
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Its text is read back for editing, and the change kept.
    await pick(invoice, 'Invoice', 'Edit');
    dialog = page.getByRole('dialog', { name: 'Edit “Invoice”' });
    const text = dialog.getByRole('textbox', { name: 'Text', exact: true });
    await expect.poll(() => text.inputValue()).toBe('# Invoice\n\nClient: {client}');
    await text.fill('# Invoice\n\nClient: {client}\nTotal: {total}');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await invoice.getByText('total', { exact: true }).waitFor();

    // A DOCX upload, named after its file.
    await page.getByRole('button', { name: 'Upload DOCX' }).click();
    dialog = page.getByRole('dialog', { name: 'Upload a DOCX template' });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'Contract.docx',
      mimeType: DOCX_TYPE,
      buffer: docxWith('Contract with {client}'),
    });
    expect(await dialog.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Contract');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Template “Contract” saved.').waitFor();
    const contract = list.getByRole('listitem', { name: 'Contract' });
    await contract.getByText('Makes DOCX').waitFor();
    await contract.getByText('client', { exact: true }).waitFor();

    // The uploaded file downloads as it was stored.
    const file = await downloaded(page, () => pick(contract, 'Contract', 'Download the DOCX'));
    expect(docxText(file.bytes)).toBe('Contract with {client}');

    // A tag left open: the server's reason shows in the form, and nothing is stored.
    await page.getByRole('button', { name: 'Upload DOCX' }).click();
    dialog = page.getByRole('dialog', { name: 'Upload a DOCX template' });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'Broken.docx', mimeType: DOCX_TYPE, buffer: docxWith('Dear {client') });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.getByText('The tag beginning with "{client" is unclosed', { exact: false }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await list.getByRole('listitem', { name: 'Broken' }).count()).toBe(0);

    // Deleted after the question.
    await pick(contract, 'Contract', 'Delete');
    dialog = page.getByRole('dialog', { name: 'Delete “Contract”?' });
    await dialog.getByText('Documents already made stay.').waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Template “Contract” deleted.').waitFor();
    await expect.poll(() => list.getByRole('listitem', { name: 'Contract' }).count()).toBe(0);
  });

  it('shows the document a process made on its card, to download — on a phone', async () => {
    const { server, company } = stage;
    await server.api('PUT', '/api/v1/document-templates/receipt', {
      name: 'Receipt',
      kind: 'text',
      text: '# Receipt\n\nReceived from {client}.',
    });
    const started = await startInstance(server, {
      definitionKey: 'receipt-run',
      params: { client: 'ACME' },
      startedBy: company.employee,
    });
    await documentMade(server, started.id);

    const page = await stage.signIn(company.employee, { viewport: PHONE });
    await page.goto(`/processes/${started.id}`);
    const section = page.getByRole('region', { name: 'Documents' });
    await section.getByText(/^PDF · /).waitFor();
    const pdf = await downloaded(page, () => section.getByRole('link', { name: 'Receipt ACME.pdf' }).click());
    expect(pdf.name).toBe('Receipt ACME.pdf');
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'process-card-documents-phone');

    // The one who signs finds the receipt on the task itself.
    await page.goto(`/tasks/${await openTaskId(server, started.id)}`);
    const onTask = page.getByRole('region', { name: 'Documents' });
    const again = await downloaded(page, () =>
      onTask.getByRole('link', { name: 'Receipt ACME.pdf' }).click(),
    );
    expect(again.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it("offers the templates' keys in the designer's Create document step, any other key still typed, and the steps to an e-mail's attachments", async () => {
    await stage.server.api('PUT', '/api/v1/document-templates/receipt', {
      name: 'Receipt',
      kind: 'text',
      text: 'Received from {client}.',
    });
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await page.goto('/designer/receipt-run');
    await page.locator('.react-flow__node[data-id="make"]').click();
    const field = page.getByTestId('field-template');
    await expect.poll(() => field.inputValue()).toBe('receipt');
    await field.fill('');
    await page.getByRole('option', { name: 'receipt Receipt' }).click();
    await expect.poll(() => field.inputValue()).toBe('receipt');
    await field.fill('not-yet-there');
    await expect.poll(() => field.inputValue()).toBe('not-yet-there');

    // An e-mail attaches the documents of the template's Create document steps, offered by id.
    await page.locator('.react-flow__node[data-id="mail"]').click();
    const attachments = page.getByTestId('field-attachments');
    const pill = page.locator('.mantine-TagsInput-pill', { hasText: 'make' });
    await pill.locator('button').click();
    await expect.poll(() => pill.count()).toBe(0);
    await attachments.click();
    await page.getByRole('option', { name: 'make' }).click();
    await expect.poll(() => pill.count()).toBe(1);
  });

  it('is in Russian for a Russian reader, and only for those who administer processes', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await switchToRussian(page);
    await page.goto(`${stage.server.url}/admin/documents`);
    await page.getByRole('heading', { level: 1, name: 'Шаблоны документов' }).waitFor();
    await page.getByRole('button', { name: 'Новый текстовый шаблон' }).waitFor();

    const employee = await stage.signIn(stage.company.employee);
    await employee.goto(`${stage.server.url}/admin/documents`);
    await employee.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(await employee.getByRole('link', { name: 'Document templates' }).count()).toBe(0);
  });
});
