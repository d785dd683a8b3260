/**
 * `npm run bench -- --mode web` runs this in a child process: the designer's figures with the
 * 1,800-task template (designer-figures.ts) in headless Chromium against an in-process Baton serving
 * the production build, printed as one JSON line.
 */
import { measureDesigner, seedConstruction } from './designer-figures.ts';
import { DESKTOP, newBrowser, newPage, startServer } from './support.ts';

const server = await startServer();
try {
  await seedConstruction(server);
  const browser = await newBrowser();
  try {
    const figures = await measureDesigner(await newPage(browser, server, { viewport: DESKTOP }));
    console.log(JSON.stringify({ bench: 'construction1800', engine: 'baton', mode: 'web', ...figures }));
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
