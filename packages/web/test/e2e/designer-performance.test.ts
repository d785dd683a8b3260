import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureDesigner, seedConstruction } from './designer-figures.ts';
import { DESKTOP, newBrowser, newPage, SETUP_TIMEOUT, startServer, type TestServer } from './support.ts';

// How fast it opens and how smoothly it moves is `npm run bench -- --mode web`'s to judge (timings
// never decide a test); this checks what the designer does with 1,922 nodes.
describe('the designer with the 1,800-task template', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    await seedConstruction(server);
    browser = await newBrowser();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens it checked, keeps only what is on screen in the DOM, and pans and zooms near and at "fit"', async () => {
    const page = await newPage(browser, server, { viewport: DESKTOP });
    const figures = await measureDesigner(page);
    console.log(`designer construction1800 ${JSON.stringify(figures)}`);

    expect(figures.renderedNodes).toBeGreaterThan(0);
    expect(figures.renderedNodes).toBeLessThan(200);
    expect(figures.renderedAtFit).toBeLessThan(200);
    for (const key of ['panNear', 'zoomNear', 'panAll', 'zoomAll'] as const)
      expect(figures[key].frames, key).toBeGreaterThan(0);
  }, 180_000);
});
