import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, createDeal, createPipeline, type PipelineBody, stageNamed } from './crm-support.ts';
import { asUser } from './session-api.ts';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  horizontalOverflow,
  PASSWORD,
  PHONE,
  SETUP_TIMEOUT,
  screenshot,
  switchToRussian,
} from './support.ts';

const DAY = 86_400_000;

/** What a card or section shows, line by line, with Intl's no-break spaces as plain ones. */
const lines = async (part: Locator) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, without Mantine's inline <style>
  (await part.innerText())
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '');

const managers = (page: Page) =>
  page
    .getByRole('list', { name: 'Managers' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));

const LABELS = [
  'Won',
  'Won / lost',
  'Win rate',
  'Median time to a win',
  'Open now',
  'New deals',
  'Stage moves',
  'Quotes sent / accepted',
  'Activities done',
  'Letters sent',
];
/** A manager's card (or the totals) as shown: the name, then each figure's label and value. */
const figures = (name: string, values: string[]) => [
  name,
  ...LABELS.flatMap((label, i) => [label, values[i]]),
];
const IVAN = figures('Ivan Petrov', [
  'RUB 150,000',
  '2 / 1',
  '67%',
  '0 days',
  '1 · RUB 30,000',
  '4',
  '3',
  '0 / 0',
  '0',
  '0',
]);
const OLGA = figures('Olga Smirnova', [
  'RUB 200,000',
  '1 / 0',
  '100%',
  '0 days',
  '0',
  '1',
  '0',
  '0 / 0',
  '0',
  '0',
]);

/**
 * The owner reads who sells: two managers' deals made and closed through the API — Ivan won two on
 * his own board and lost one, Olga won a project — on a phone, over other periods, one pipeline's
 * only, and as CSV; a manager sees only themselves, their head both; in Russian.
 */
describe('the sales report', () => {
  let sales: PipelineBody;
  const stage = suiteStage(async (server) => {
    sales = await createPipeline(server);
    const projects = await createPipeline(server, 'Projects', [
      { name: 'Brief', kind: 'open' },
      { name: 'Done', kind: 'won' },
      { name: 'Dropped', kind: 'lost' },
    ]);
    await createPipeline(server, 'Service');
    await server.api('POST', '/api/v1/users', {
      id: 'boris',
      login: 'boris',
      name: 'Boris Orlov',
      password: PASSWORD,
      roles: [{ role: 'owner' }],
    });
    const deal = (title: string, amount: number) =>
      createDeal(server, { title, pipelineId: sales.id, responsibleId: 'ivan', amount });
    await deal('Forklifts', 100000);
    await deal('Pallets', 50000);
    await deal('Audit', 20000);
    await deal('Crates', 30000);
    await createDeal(server, {
      title: 'Bridge',
      pipelineId: projects.id,
      stageId: stageNamed(projects, 'Done').id,
      responsibleId: 'olga',
      amount: 200000,
    });
  });
  let ivan: Page;

  // Ivan closes his deals himself: the stage moves are his.
  beforeAll(async () => {
    ivan = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    const deals = await asUser<{ items: { id: string; title: string }[] }>(ivan, 'GET', '/api/v1/crm/deals');
    const move = async (title: string, stageName: string) => {
      const id = deals.body.items.find((d) => d.title === title)?.id;
      const moved = await asUser(ivan, 'PATCH', `/api/v1/crm/deals/${id}`, {
        stageId: stageNamed(sales, stageName).id,
      });
      expect(moved.status).toBe(200);
    };
    await move('Forklifts', 'Won');
    await move('Pallets', 'Won');
    await move('Audit', 'Lost');
  }, SETUP_TIMEOUT);

  it('shows the owner both managers, the largest seller first, with their figures on a phone', async () => {
    const page = await stage.signIn('boris', { viewport: PHONE });
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Sales report' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sales report' }).waitFor();
    await expect.poll(() => managers(page)).toEqual(['Olga Smirnova', 'Ivan Petrov']);
    const cards = page.getByRole('list', { name: 'Managers' });
    expect(await lines(cards.getByRole('listitem', { name: 'Ivan Petrov' }))).toEqual(IVAN);
    expect(await lines(cards.getByRole('listitem', { name: 'Olga Smirnova' }))).toEqual(OLGA);
    expect(await lines(page.getByRole('region', { name: 'Totals' }))).toEqual(
      figures('Totals', [
        'RUB 350,000',
        '3 / 1',
        '75%',
        '0 days',
        '1 · RUB 30,000',
        '5',
        '3',
        '0 / 0',
        '0',
        '0',
      ]),
    );
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-sales-report-phone', { fullPage: true });

    // The last 30 days: the same deals, asked for from 30 days back.
    const asked = page.waitForResponse((r) => r.url().includes('/api/v1/crm/reports/sales?') && r.ok());
    await choose(page, 'Period', 'the last 30 days');
    const from = new URL((await asked).url()).searchParams.get('from') ?? '';
    expect(Math.round((Date.now() - Date.parse(from)) / DAY)).toBe(30);
    await expect.poll(() => managers(page)).toEqual(['Olga Smirnova', 'Ivan Petrov']);

    // January 2020: nothing made or closed then; Ivan's deal open now still counts.
    await choose(page, 'Period', 'Choose dates…');
    await page.getByRole('textbox', { name: 'From' }).fill('2020-01-01');
    // Whole days in the reader's zone (Moscow): up to the midnight after the 31st.
    const january = page.waitForResponse(
      (r) =>
        r.url().includes('from=2019-12-31T21%3A00') && r.url().includes('to=2020-01-31T21%3A00') && r.ok(),
    );
    await page.getByRole('textbox', { name: 'To (inclusive)' }).fill('2020-01-31');
    await january;
    await expect.poll(() => managers(page)).toEqual(['Ivan Petrov']);
    expect((await lines(page.getByRole('listitem', { name: 'Ivan Petrov' }))).slice(1, 5)).toEqual([
      'Won',
      '—',
      'Won / lost',
      '0 / 0',
    ]);
    expect(await horizontalOverflow(page)).toBe(0);
    await choose(page, 'Period', 'the last 90 days');
    await expect.poll(() => managers(page)).toEqual(['Olga Smirnova', 'Ivan Petrov']);
  });

  it('narrows to one pipeline, says when it has nothing, and downloads it as CSV', async () => {
    const page = await stage.signIn('boris', { viewport: PHONE });
    await page.goto('/crm/reports/sales');
    await expect.poll(() => managers(page)).toEqual(['Olga Smirnova', 'Ivan Petrov']);
    await choose(page, 'Pipeline', 'Sales');
    await expect.poll(() => managers(page)).toEqual(['Ivan Petrov']);
    expect(new URL(page.url()).searchParams.get('pipeline')).toBe(sales.id);
    await choose(page, 'Pipeline', 'Service');
    await page.getByText('No deals were made, won or lost in this period, and none are open.').waitFor();

    await choose(page, 'Pipeline', 'Sales');
    await expect.poll(() => managers(page)).toEqual(['Ivan Petrov']);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('sales.csv');
    const lines = (await readFile(await file.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'userId,name,created,won,lost,winRate,medianDaysToWin,won RUB,open,open RUB,stageMoves,quotesSent,quotesAccepted,activitiesDone,lettersSent',
    );
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^ivan,Ivan Petrov,4,2,1,0\.6667,0,150000,1,30000,3,0,0,0,0$/);
  });

  it('shows a manager only themselves, and their head both', async () => {
    await ivan
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Sales report' })
      .click();
    await ivan.getByRole('heading', { level: 1, name: 'Sales report' }).waitFor();
    await expect.poll(() => managers(ivan)).toEqual(['Ivan Petrov']);
    expect(await lines(ivan.getByRole('listitem', { name: 'Ivan Petrov' }))).toEqual(IVAN);

    const head = await stage.signIn(stage.company.head);
    await head.goto('/crm/reports/sales');
    await expect.poll(() => managers(head)).toEqual(['Olga Smirnova', 'Ivan Petrov']);
    await head.context().close();
  });

  it('is in Russian for a Russian reader', async () => {
    const russian = await stage.signIn('boris', { viewport: DESKTOP });
    await switchToRussian(russian);
    await russian
      .getByRole('navigation', { name: 'Главное меню' })
      .getByRole('link', { name: 'Отчёт о продажах' })
      .click();
    await russian.getByRole('heading', { level: 1, name: 'Отчёт о продажах' }).waitFor();
    const ivanCard = russian
      .getByRole('list', { name: 'Менеджеры' })
      .getByRole('listitem', { name: 'Ivan Petrov' });
    expect(await lines(ivanCard)).toEqual([
      'Ivan Petrov',
      'Выиграно',
      '150 000 ₽',
      'Выиграно / проиграно',
      '2 / 1',
      'Доля выигранных',
      '67 %',
      'Медиана до выигрыша',
      '0 дней',
      'Открыто сейчас',
      '1 · 30 000 ₽',
      'Новые сделки',
      '4',
      'Переводы по стадиям',
      '3',
      'КП отправлено / принято',
      '0 / 0',
      'Дел выполнено',
      '0',
      'Писем отправлено',
      '0',
    ]);
    expect(await russian.getByRole('combobox', { name: 'Период' }).inputValue()).toBe('последние 90 дней');
    await russian.getByRole('link', { name: 'Скачать CSV' }).waitFor();
    await russian.context().close();
  });
});
