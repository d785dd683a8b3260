import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { fanOut, horizontalOverflow, PHONE, publish, startInstance } from './support.ts';

const BRANCHES = 120;
const ANSWERED = 60;

const count = (page: Page, section: string, selector: string) =>
  page.locator(`section[aria-labelledby="${section}"] ${selector}`).count();

/**
 * A card of an instance with many tasks (a construction template has 1,800) renders in parts — the
 * first open tasks and answers, the latest history — and shows the rest on request: rendered at once,
 * 2,000 tasks held a phone's browser for over a minute.
 */
describe('the process card of a wide instance', () => {
  let instanceId = '';
  const stage = suiteStage(async (server, company) => {
    await publish(server, fanOut(BRANCHES));
    instanceId = (await startInstance(server, { definitionKey: 'inspection', startedBy: company.employee }))
      .id;
    const open = await server.api<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/tasks?instanceId=${instanceId}&status=open&limit=200`,
    );
    for (const task of open.items.slice(0, ANSWERED))
      await server.api('POST', `/api/v1/tasks/${encodeURIComponent(task.id)}/complete`, { variables: {} });
  });

  it('shows open tasks, answers and history in parts on a phone, the rest on request', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await page.goto(`/processes/${instanceId}`);
    const history = page.getByLabel('Process history');
    await history.locator('.mantine-Timeline-item').first().waitFor();

    // 60 steps active: 20 named, 20 more on request.
    const here = page.getByTestId('current-nodes').locator('.mantine-Badge-root');
    expect(await here.count()).toBe(20);
    await page
      .locator('section[aria-labelledby="card-summary"]')
      .getByRole('button', { name: 'Show more' })
      .click();
    await expect.poll(() => here.count()).toBe(40);

    // 60 open tasks: the first 50, then the other 10.
    expect(await count(page, 'card-tasks', 'a[data-task-id]')).toBe(50);
    await page
      .locator('section[aria-labelledby="card-tasks"]')
      .getByRole('button', { name: 'Show more' })
      .click();
    await expect.poll(() => count(page, 'card-tasks', 'a[data-task-id]')).toBe(BRANCHES - ANSWERED);

    // 120 people steps, 60 answered and 60 waited for: 50 at a time.
    const moreSteps = page
      .locator('section[aria-labelledby="card-responses"]')
      .getByRole('button', { name: 'Show more' });
    expect(await count(page, 'card-responses', 'li')).toBe(50);
    await moreSteps.click();
    await expect.poll(() => count(page, 'card-responses', 'li')).toBe(100);
    await moreSteps.click();
    await expect.poll(() => count(page, 'card-responses', 'li')).toBe(BRANCHES);
    expect(await moreSteps.count()).toBe(0);

    // Key events (the start, 120 tasks given, 60 answered, …): the latest 100 first, the newest last.
    const entries = history.locator('.mantine-Timeline-item');
    expect(await entries.count()).toBe(100);
    await expect.poll(() => entries.last().textContent()).toMatch(/^Task answered/);
    expect(await history.getByText('Started', { exact: true }).count()).toBe(0);
    await page
      .locator('section[aria-labelledby="card-history"]')
      .getByRole('button', { name: 'Show more' })
      .click();
    const { total: keyEvents } = await stage.server.api<{ total: number }>(
      'GET',
      `/api/v1/instances/${instanceId}/history?view=key&limit=1`,
    );
    expect(keyEvents).toBeGreaterThanOrEqual(1 + BRANCHES + ANSWERED);
    await expect.poll(() => entries.count()).toBe(keyEvents);
    expect(await history.getByText('Started', { exact: true }).count()).toBe(1);

    // Every event: the newest 100 again, now with the token moves the key view leaves out.
    await page.getByRole('switch', { name: 'Every event' }).click();
    await expect.poll(() => history.getByText(/^Left: /).count()).toBeGreaterThan(0);
    await expect.poll(() => entries.count()).toBe(100);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
