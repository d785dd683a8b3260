import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { PHONE } from './support.ts';

/** Enough templates for their page to scroll a few screens on a phone. */
const NAMES = Array.from({ length: 12 }, (_, i) => `Template ${String(i + 1).padStart(2, '0')}`);
const LAST = 'Template 12';

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** The templates page on a phone, scrolled to its end; answers the last card's "⋯". */
async function atTheEnd(page: Page): Promise<{ dots: Locator }> {
  await page.goto('/admin/documents');
  const last = page.getByRole('list', { name: 'Document templates' }).getByRole('listitem', { name: LAST });
  await last.waitFor();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await settledScrollY(page)).toBeGreaterThan(0);
  return { dots: last.getByRole('button', { name: `What to do with ${LAST}` }) };
}

/** The page's scroll once it has stopped moving (two reads a frame apart agree). */
async function settledScrollY(page: Page): Promise<number> {
  let last = -1;
  await expect
    .poll(async () => {
      const now = await page.evaluate(
        () => new Promise<number>((done) => requestAnimationFrame(() => done(window.scrollY))),
      );
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
  return last;
}

/** Whether the open menu's items can be seen (a menu positioned as detached is open but hidden). */
const menuShown = (page: Page) => page.getByRole('menuitem', { name: 'Delete' }).isVisible();

// A reopened menu is mounted for a frame where it was last placed, past the right edge: a phone's browser
// widened the page to show it, which near the page's end scrolled it up and left the menu open but hidden.
describe('the "⋯" menu of the last card on a phone', () => {
  const stage = suiteStage(async (server) => {
    for (const [i, name] of NAMES.entries())
      await server.api('PUT', `/api/v1/document-templates/t${i + 1}`, {
        name,
        kind: 'text',
        text: `# ${name}\n\nClient: {client}`,
      });
  });

  it('opens again where it is after one of its dialogs was closed, the page staying put', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    const { dots } = await atTheEnd(page);
    await dots.tap();
    await page.getByRole('menuitem', { name: 'Delete' }).tap();
    const dialog = page.getByRole('dialog', { name: `Delete “${LAST}”?` });
    await dialog.getByRole('button', { name: 'Cancel' }).tap();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('menu').waitFor({ state: 'detached' });
    // Where the closed dialog left the page (its scroll lock may settle a few pixels off the end).
    const before = await settledScrollY(page);

    await dots.tap();
    await expect.poll(() => menuShown(page), { timeout: 3_000 }).toBe(true);
    expect(await scrollY(page)).toBe(before);
  });

  it('opens on every tap, closed with Escape in between, the page staying put', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    const { dots } = await atTheEnd(page);
    for (let time = 1; time <= 3; time++) {
      const before = await settledScrollY(page);
      await dots.tap();
      await expect.poll(() => menuShown(page), { timeout: 3_000 }).toBe(true);
      // The bug scrolled the page up and hid the menu; bringing the menu's focused first item into view
      // (a few pixels down, when it opened below the card before it flipped) is the browser's own doing.
      expect(await scrollY(page)).toBeGreaterThanOrEqual(before);
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
    }
  });
});
