import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  horizontalOverflow,
  login,
  newBrowser,
  newPage,
  PHONE,
  publish,
  SETUP_TIMEOUT,
  type SeededCompany,
  screenshot,
  seedCompany,
  startServer,
  type TestServer,
} from './support.ts';

// Stored without positions: the card lays it out as the designer does on open.
const vacation = JSON.parse(readFileSync(new URL('fixtures/vacation.json', import.meta.url), 'utf8'));

/** Each node's mark on the card's diagram (`data-run`: active, done, cancelled; '' when not reached). */
const marks = (page: Page) =>
  page.getByTestId('instance-diagram').evaluate((diagram) =>
    Object.fromEntries(
      [...diagram.querySelectorAll('.react-flow__node')].map((n) => [
        n.getAttribute('data-id'),
        n.querySelector('.bn-node')?.getAttribute('data-run') ?? '',
      ]),
    ),
  );

/** The ids of the flows drawn as taken. */
const taken = (page: Page) =>
  page
    .getByTestId('instance-diagram')
    .evaluate((diagram) =>
      [...diagram.querySelectorAll('.react-flow__edge')]
        .filter((e) => e.querySelector('.bn-flow-taken'))
        .map((e) => e.getAttribute('data-id'))
        .sort(),
    );

/**
 * The process card's diagram: Ivan's vacation request waits for Olga's approval — the approval is
 * highlighted where the request is now, the start and its flow marked done; once Olga approves, the card
 * shows the path to the end.
 */
describe('the process card draws where the process is', () => {
  let server: TestServer;
  let browser: Browser;
  let company: SeededCompany;
  let instanceId = '';

  beforeAll(async () => {
    server = await startServer();
    company = await seedCompany(server);
    await publish(server, vacation);
    const started = await server.api<{ id: string }>('POST', '/api/v1/instances', {
      definitionKey: 'vacation',
      params: { firstDay: '2030-07-01', days: 5 },
      startedBy: company.employee,
    });
    instanceId = started.id;
    browser = await newBrowser();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the open task on a phone, inside its own box, without page-wide scrolling', async () => {
    const page = await newPage(browser, server, { viewport: PHONE });
    await login(page, company.employee);
    await page.goto(`/processes/${instanceId}`);
    const diagram = page.getByTestId('instance-diagram');
    await diagram.locator('.react-flow__node[data-id="approve"] .bn-node[data-run="active"]').waitFor();
    await expect(marks(page)).resolves.toEqual({
      start: 'done',
      approve: 'active',
      decision: '',
      done: '',
      refused: '',
    });
    await expect(taken(page)).resolves.toEqual(['f1']);

    // Fitted: every node lies inside the diagram's box, and the box inside the phone's width.
    const box = await diagram.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    for (const id of ['start', 'approve', 'done', 'refused']) {
      const node = await diagram.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
      expect(node && box && node.x >= box.x && node.x + node.width <= box.x + box.width, id).toBe(true);
    }
    await expect(horizontalOverflow(page)).resolves.toBe(0);

    // Zooming in happens inside the box: the page still does not scroll sideways.
    const zoomIn = diagram.locator('.react-flow__controls-zoomin');
    for (let i = 0; i < 4; i++) await zoomIn.click();
    await expect(horizontalOverflow(page)).resolves.toBe(0);
    await screenshot(page, 'process-card-diagram-phone');
  });

  it('shows the path to the end once the task is completed', async () => {
    const [task] = (
      await server.api<{ items: { id: string }[] }>('GET', `/api/v1/tasks?instanceId=${instanceId}&status=open`)
    ).items;
    await server.api('POST', `/api/v1/tasks/${encodeURIComponent(task?.id ?? '')}/complete`, {
      outcome: 'approved',
      variables: {},
    });

    const page = await newPage(browser, server, { viewport: DESKTOP });
    await login(page, company.employee);
    await page.goto(`/processes/${instanceId}`);
    await page.getByTestId('instance-diagram').locator('.react-flow__node[data-id="done"] .bn-node').waitFor();
    await expect
      .poll(() => marks(page))
      .toEqual({ start: 'done', approve: 'done', decision: 'done', done: 'done', refused: '' });
    await expect(taken(page)).resolves.toEqual(['f1', 'f2', 'f3']);
    await expect(page.getByText('Completed', { exact: true }).first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'process-card-diagram-desktop');
  });
});
