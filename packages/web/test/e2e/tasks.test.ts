import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  fixture,
  horizontalOverflow,
  PHONE,
  publish,
  screenshot,
  startInstance,
} from './support.ts';

/**
 * Every kind of answer on the task page: a rejection the template wants a comment for, delegation, an
 * acknowledgment, and an information request with required fields — on a phone where people do it.
 */
describe('answering tasks', () => {
  let instanceId = '';
  const stage = suiteStage(async (server) => {
    await publish(server, fixture('contract.json'));
    const started = await startInstance(server, {
      definitionKey: 'contract',
      params: { supplier: 'Kirpich LLC' },
      startedBy: 'ivan',
    });
    instanceId = started.id;
  });

  it('a rejection without the comment the template asks for is refused, with one it goes through', async () => {
    const page = await stage.signIn('olga', { viewport: PHONE });
    await page.getByRole('link', { name: /Approve the contract with Kirpich LLC/ }).click();
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('alert').filter({ hasText: 'A rejection needs a comment.' }).waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Comment' }).getAttribute('aria-invalid'))
      .toBe('true');
    await page.getByRole('textbox', { name: 'Comment' }).fill('The price is 20% above the market.');
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Nothing waits for you.').waitFor();
    await page.context().close();
  });

  it('the accountant hands her acknowledgment to a colleague', async () => {
    const page = await stage.signIn('anna', { viewport: DESKTOP });
    await page.getByRole('link', { name: /Read the contract with Kirpich LLC/ }).click();
    await page.getByRole('button', { name: 'I have read it' }).waitFor();
    await page.getByRole('button', { name: 'Delegate to a colleague' }).click();
    await page.getByRole('combobox', { name: 'Colleague' }).click();
    await page.getByRole('option', { name: 'Ivan Petrov' }).click();
    await page.getByRole('button', { name: 'Delegate', exact: true }).click();
    await page.getByText('Nothing waits for you.').waitFor();
    await page.context().close();
  });

  it("the head of sales sees her team's tasks, and one employee's", async () => {
    const page = await stage.signIn('olga', { viewport: DESKTOP });
    await page.getByText('My team (1)').click();
    await page
      .getByRole('link', { name: /Read the contract with Kirpich LLC/ })
      .first()
      .waitFor();
    await page.getByText('Supply contract · Ivan Petrov').first().waitFor();
    await page.getByRole('combobox', { name: 'Employee' }).click();
    await page.getByRole('option', { name: 'Ivan Petrov' }).click();
    await page
      .getByRole('link', { name: /Read the contract with Kirpich LLC/ })
      .first()
      .waitFor();
    await page.getByText('Mine', { exact: true }).click();
    await page.getByText('Nothing waits for you.').waitFor();
    await page.context().close();
  });

  it('the manager acknowledges, then fills in the requested fields on a phone', async () => {
    const page = await stage.signIn('ivan', { viewport: PHONE });
    await page.getByRole('link', { name: /Read the contract with Kirpich LLC/ }).click();
    await page.getByRole('button', { name: 'I have read it' }).click();
    await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
    expect(await page.getByText(/My team/).count()).toBe(0); // no one reports to him

    // The next step arrives by itself (the event stream): an information request with two required fields.
    await page.getByRole('link', { name: /Send the signed scan/ }).click();
    await page.getByText('Upload the scan to the shared drive and paste the link.').waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').filter({ hasText: 'Check the highlighted fields.' }).waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Pages' }).getAttribute('aria-invalid'))
      .toBe('true');
    await page
      .getByRole('textbox', { name: 'Link to the scan' })
      .fill('https://drive.example/contracts/kirpich.pdf');
    await page.getByRole('textbox', { name: 'Pages' }).fill('12');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'task-fields-phone');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Nothing waits for you.').waitFor();

    await page.goto(`/processes/${encodeURIComponent(instanceId)}`);
    await page.getByText('Completed', { exact: true }).first().waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Task delegated: Accounting reads it').waitFor();
    await history.getByText('«The price is 20% above the market.»').waitFor();
    await page.getByRole('region', { name: 'Answers' }).getByText('rejected').waitFor();
    await page.context().close();
    const instance = await stage.server.api<{ variables: Record<string, unknown> }>(
      'GET',
      `/api/v1/instances/${instanceId}`,
    );
    expect(instance.variables).toMatchObject({
      approved: false,
      scanLink: 'https://drive.example/contracts/kirpich.pdf',
      pages: 12,
    });
  });
});
