import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, SETUP_TIMEOUT, screenshot } from './support.ts';

/** The company's working calendar, edited by an administrator. */
describe('working calendar', () => {
  let page: Page;
  const stage = suiteStage();

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  it('lets an administrator change the working week and mark a day as a holiday, saved across a reload', async () => {
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Working calendar' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Working calendar' }).waitFor();
    const settings = page.getByRole('form', { name: 'Working week and hours' });
    await settings.getByRole('textbox', { name: /Working day starts/ }).fill('9');
    await settings.getByRole('button', { name: 'Save the working week' }).click();
    await settings.getByText('HH:MM', { exact: true }).waitFor();
    await settings.getByRole('textbox', { name: /Working day starts/ }).fill('08:30');
    await settings.getByRole('checkbox', { name: 'Saturday' }).check();
    await settings.getByRole('button', { name: 'Save the working week' }).click();
    await page.getByText('The working week is saved.').waitFor();
    expect(await stage.server.api('GET', '/api/v1/calendar')).toMatchObject({
      start: '08:30',
      workdays: [1, 2, 3, 4, 5, 6],
    });
    await stage.server.api('PUT', '/api/v1/calendar', {
      workdays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
      utcOffsetMinutes: 180,
    });

    await page.goto('/admin/calendar?year=2026');
    await page.getByRole('button', { name: 'Thursday, January 1, 2026 · Holiday' }).waitFor();
    const day = page.getByRole('button', { name: /^Monday, June 15, 2026/ });
    await expect.poll(() => day.getAttribute('aria-label')).toBe('Monday, June 15, 2026 · Working day');
    await day.click();
    let dialog = page.getByRole('dialog', { name: 'Monday, June 15, 2026' });
    await dialog.getByRole('radio', { name: 'A holiday' }).check();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Company day');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Changes not saved yet.').waitFor();
    // Another year cannot be opened over unsaved changes.
    await expect.poll(() => page.getByRole('combobox', { name: 'Year' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save 2026' }).click();
    await page.getByText('Everything is saved.').waitFor();
    const saved = await stage.server.api<{ days: { date: string; kind: string; name: string | null }[] }>(
      'GET',
      '/api/v1/calendar/2026',
    );
    expect(saved.days.find((d) => d.date === '2026-06-15')).toEqual({
      date: '2026-06-15',
      kind: 'holiday',
      name: 'Company day',
    });
    expect(saved.days.find((d) => d.date === '2026-01-01')?.kind).toBe('holiday');

    await page.reload();
    await page.getByRole('button', { name: 'Monday, June 15, 2026 · Holiday · Company day' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'admin-calendar-desktop');
    // The year is one tab stop: arrows move between days, Enter opens the day.
    await page.getByRole('button', { name: /^Monday, June 15, 2026/ }).click();
    dialog = page.getByRole('dialog', { name: 'Monday, June 15, 2026' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Monday, June 22, 2026' }).waitFor();
    await page.keyboard.press('Escape');
  });
});
