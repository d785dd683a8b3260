import { definePlugin } from '@baton/server';
import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { DESKTOP, startInstance, switchToRussian, type TestServer } from './support.ts';

/** A company's ERP plugin: one activity that makes an invoice and answers its number. */
const erp = definePlugin({
  activities: [
    {
      type: 'acme.createInvoice',
      name: { en: 'Create an invoice', ru: 'Создать счёт' },
      category: 'crm',
      inputs: [{ id: 'amount', name: 'Amount', type: 'money', required: true }],
      outputs: [{ id: 'number', type: 'string' }],
      run: async (input) => ({ number: `INV-${input.amount}` }),
    },
  ],
});

/** A draft with only its start: the designer adds the ERP step. */
async function invoiceDraft(server: TestServer): Promise<void> {
  await server.api('PUT', '/api/v1/definitions/invoice/draft', {
    key: 'invoice',
    name: 'Invoice',
    parameters: [{ id: 'sum', type: 'number', required: true }],
    variables: [{ id: 'invoiceNo', type: 'string' }],
    nodes: [{ id: 'start', type: 'start' }],
  });
}

describe("a plugin's activity in the designer and in processes", () => {
  const stage = suiteStage(invoiceDraft, { plugins: [{ plugin: erp, source: 'acme-erp.ts' }] });

  it('is set up in Russian, test-run with a made-up answer, published and run by the plugin', async () => {
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await switchToRussian(page);
    await page.goto('/designer/invoice');

    // The palette names it as the plugin does in Russian; added after the start, the step is called so too.
    const block = page.getByTestId('palette-acme.createInvoice');
    await expect.poll(() => block.textContent()).toBe('Создать счёт');
    await page.locator('.react-flow__node[data-id="start"]').click();
    await block.click();
    const step = page.locator('.react-flow__node[data-id="createInvoice1"]');
    await expect.poll(() => step.textContent()).toBe('Создать счёт');
    await page.getByTestId('palette-end').click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    // Its input is an expression (the required one flagged until given), its output goes into a variable
    // picked from the template's.
    await step.click();
    const amount = page.getByTestId('field-input-amount');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await amount.fill('sum * 2');
    await page.getByTestId('field-output-number').fill('inv');
    await page.getByRole('option', { name: 'invoiceNo' }).click();
    await page.getByTestId('problems-none').waitFor();

    // A test run calls no plugin code: the tester answers in its place.
    await page.getByTestId('action-testRun').click();
    await page.getByTestId('run-param-sum').fill('500');
    await page.getByTestId('run-start').click();
    const call = page.getByTestId('run-service');
    await expect.poll(() => call.getByText('Вызвано «Создать счёт»').count()).toBe(1);
    await expect.poll(() => call.getByTestId('run-service-input').textContent()).toBe('amount: 1000');
    await call.getByTestId('run-output-number').fill('INV-test');
    await call.getByTestId('run-service-answer').click();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status')).toBe('completed');

    await page.getByTestId('action-publish').click();
    await page.getByTestId('status').getByText('Опубликована v1').waitFor();

    // Run for real: the worker calls the plugin, whose answer lands in the variable.
    const { id } = await startInstance(stage.server, {
      definitionKey: 'invoice',
      params: { sum: 500 },
      startedBy: 'admin',
    });
    const instance = () =>
      stage.server.api<{ status: string; variables: Record<string, unknown> }>(
        'GET',
        `/api/v1/instances/${id}`,
      );
    await expect.poll(() => instance().then((i) => i.status)).toBe('completed');
    expect((await instance()).variables.invoiceNo).toBe('INV-1000');

    // The process card draws the step under the plugin's name too.
    await page.goto(`/processes/${id}`);
    const drawn = page.getByTestId('instance-diagram').locator('.react-flow__node[data-id="createInvoice1"]');
    await drawn.locator('.bn-node[data-run="done"]').waitFor();
    await expect.poll(() => drawn.textContent()).toBe('Создать счёт');
  }, 120_000);
});
