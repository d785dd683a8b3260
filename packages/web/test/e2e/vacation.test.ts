import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { DESKTOP, fixture, horizontalOverflow, PHONE, publish, screenshot } from './support.ts';

/**
 * The vacation request end to end: Ivan starts it from the catalogue on a desktop (the form refuses
 * missing fields first), Olga — his head — approves it on a phone, and the process card shows it
 * completed.
 */
describe('vacation request in the browser', () => {
  const stage = suiteStage((server) => publish(server, fixture('vacation.json')));
  let instanceUrl = '';

  it('an employee starts it from the catalogue; the form shows what is missing', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'My tasks' }).isVisible()).toBe(true);

    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Start a process' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Start a process' }).waitFor();
    await screenshot(page, 'start-catalogue-desktop');
    await page.getByRole('link', { name: 'Start Vacation request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacation request' }).waitFor();

    // Nothing filled in: each required field says so, next to it.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Check the highlighted fields.' }).waitFor();
    const days = page.getByRole('textbox', { name: 'Number of days' });
    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await days.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages).toContain('Fill this in');
    await screenshot(page, 'start-form-validation-desktop');

    await page.getByLabel('First day').fill('2026-07-01');
    await days.fill('14');
    await page.getByLabel('Note for your head').fill('Two weeks at the sea, Anna covers my clients.');
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    await page.waitForURL(/\/processes\/[^/]+$/, { waitUntil: 'commit' });
    instanceUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Vacation request' }).waitFor();
    await page.getByTestId('current-nodes').getByText('Head approves').waitFor();
    await expect.poll(() => page.getByText('Running').first().isVisible()).toBe(true);
    await screenshot(page, 'process-card-running-desktop');
    await page.context().close();
  });

  it('the head sees it in My tasks on a phone and approves it without scrolling sideways', async () => {
    const page = await stage.signIn(stage.company.head, { viewport: PHONE });
    const task = page.getByRole('link', { name: /Approve 14 days of vacation from 2026-07-01/ });
    await task.waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'my-tasks-phone');

    // The side menu hides behind the burger on a phone.
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'My tasks' })
      .waitFor();
    await screenshot(page, 'menu-phone');
    await page.getByRole('button', { name: 'Close the menu' }).click();

    await task.click();
    await page.getByRole('heading', { level: 1, name: /Approve 14 days/ }).waitFor();
    await page.getByText('Two weeks at the sea').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByLabel('Comment').fill('Have a good rest!');
    await screenshot(page, 'task-approve-phone');
    const approve = page.getByRole('button', { name: 'Approve' });
    const box = await approve.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await approve.click();

    await page.waitForURL((url) => url.pathname === '/', { waitUntil: 'commit' });
    await page.getByText('Nothing waits for you.').waitFor();
    await page.context().close();
  });

  it('the process card shows it completed, with who approved it and how long it took', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto(instanceUrl);
    await page.getByText('Completed', { exact: true }).first().waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Task answered: Head approves').waitFor();
    await history.getByText('Answer: approved').waitFor();
    await history.getByText('«Have a good rest!»').waitFor();
    await expect.poll(() => history.getByText(/Olga Smirnova/).count()).toBeGreaterThan(0);
    await screenshot(page, 'process-card-completed-desktop');

    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'My processes' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My processes' }).waitFor();
    await page.getByRole('link', { name: 'Vacation request' }).waitFor();
    await page.context().close();

    const phone = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await phone.goto(instanceUrl);
    await phone.getByText('Completed', { exact: true }).first().waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'process-card-completed-phone', { fullPage: true });
    await phone.context().close();
  });
});
