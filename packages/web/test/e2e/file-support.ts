import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** A few bytes that look like a PDF to whoever opens them. */
export const pdfBytes = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** A PDF as the file chooser gives it. */
export const pdf = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });

/** A `file` field's picker, as the file chooser would give it a file. */
export const picker = (page: Page, field: string) => page.locator(`input[type="file"][name="${field}"]`);

/** Clicks a download link and answers the file the browser saved: its name and bytes. */
export async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
}

/**
 * Holds every upload of the page on its way until the answered function is called — to see what a
 * form does meanwhile; the page's routes are left as they were afterwards.
 */
export async function holdUploads(page: Page): Promise<() => Promise<void>> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/v1/uploads**', async (route) => {
    await held;
    await route.continue();
  });
  return async () => {
    release();
    await page.unrouteAll({ behavior: 'wait' });
  };
}
