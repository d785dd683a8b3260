import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FEED_PAGE } from '../../src/api/feed.ts';
import { suiteStage } from './stage.ts';
import {
  horizontalOverflow,
  openFromRussianMenu,
  PHONE,
  publish,
  screenshot,
  startInstance,
  switchToRussian,
  type TestServer,
} from './support.ts';

/** Welcomes a newcomer to everyone, and asks the accountant (Anna) alone to set their salary. */
const welcome = {
  key: 'welcome-feed',
  name: 'Welcome a newcomer',
  parameters: [{ id: 'who', type: 'string', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'hello',
      type: 'publishFeed',
      config: { title: 'Welcome, {{ who }}', text: '{{ who }} joins sales today.\nSay hello at lunch.' },
    },
    {
      id: 'salary',
      type: 'publishFeed',
      config: { title: 'Salary of {{ who }}', text: 'Set it by Friday.', to: ["'anna'"] },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'hello' },
    { id: 'f2', source: 'hello', target: 'salary' },
    { id: 'f3', source: 'salary', target: 'end' },
  ],
};

/** Newcomers welcomed before Pavel: with his, Anna's feed is one page and two posts more. */
const EARLIER = FEED_PAGE / 2;

/** Starts a welcome (Anna starts it, so she may open its card) and waits for the worker to post both. */
async function welcomeNewcomer(server: TestServer, who: string, postsAfter: number): Promise<void> {
  await startInstance(server, { definitionKey: welcome.key, params: { who }, startedBy: 'anna' });
  // The administrator reads every post. (A suite's setup cannot use expect.poll.)
  for (let waited = 0; waited < 10_000; waited += 50) {
    const feed = await server.api<{ items: unknown[] }>('GET', '/api/v1/feed?limit=100');
    if (feed.items.length === postsAfter) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the worker did not post ${who}'s welcome within 10 s`);
}

const posts = (page: Page) => page.getByRole('region', { name: 'Posts' }).getByRole('article');

describe('the feed', () => {
  const stage = suiteStage(async (server) => {
    await publish(server, welcome);
    for (let i = 1; i <= EARLIER; i++) await welcomeNewcomer(server, `Guest ${i}`, 2 * i);
    // Last, so that his posts are the newest.
    await welcomeNewcomer(server, 'Pavel', 2 * EARLIER + 2);
  });

  it('shows an employee the posts to everyone only — on a phone', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Feed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feed' }).waitFor();

    const pavel = page.getByRole('article', { name: 'Welcome, Pavel' });
    await pavel.getByText('Everyone', { exact: true }).waitFor();
    await pavel.getByText('Welcome a newcomer', { exact: false }).waitFor();
    // The text keeps its line break as shown.
    const text = pavel.getByText('Pavel joins sales today.', { exact: false });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, where white-space applies
    expect(await text.innerText()).toBe('Pavel joins sales today.\nSay hello at lunch.');
    await expect.poll(() => posts(page).count()).toBe(EARLIER + 1);
    expect(await page.getByText(/^Salary of/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'feed-phone');
  });

  it('shows the addressed one their posts too, page by page, with a way to the process', async () => {
    const page = await stage.signIn(stage.company.accountant, { viewport: PHONE });
    await page.goto('/feed');
    const salary = page.getByRole('article', { name: 'Salary of Pavel' });
    await salary.getByText('For you', { exact: true }).waitFor();
    await salary.getByText('Set it by Friday.').waitFor();
    await page.getByRole('article', { name: 'Welcome, Pavel' }).getByText('Everyone').waitFor();
    await expect.poll(() => posts(page).count()).toBe(FEED_PAGE);

    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => posts(page).count()).toBe(2 * EARLIER + 2);
    await page.getByRole('article', { name: 'Salary of Guest 1', exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);

    await salary.getByRole('link', { name: 'Open the process' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome a newcomer' }).waitFor();
  });

  it('tells an administrator, who reads every post, that an addressed one is not necessarily theirs', async () => {
    const page = await stage.signIn(stage.company.admin, { viewport: PHONE });
    await page.goto('/feed');
    await page.getByRole('article', { name: 'Salary of Pavel' }).getByText('Addressed').waitFor();
    expect(await page.getByText('For you', { exact: true }).count()).toBe(0);
  });

  it('is in Russian for a Russian reader', async () => {
    const page = await stage.signIn(stage.company.accountant, { viewport: PHONE });
    await switchToRussian(page);
    await openFromRussianMenu(page, 'Лента');
    const region = page.getByRole('region', { name: 'Записи' });
    await region.getByRole('article', { name: 'Salary of Pavel' }).getByText('Вам').waitFor();
    await region.getByRole('article', { name: 'Welcome, Pavel' }).getByText('Всем').waitFor();
    await region.getByRole('link', { name: 'Открыть процесс' }).first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'feed-ru-phone');
  });
});
