import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  fixture,
  horizontalOverflow,
  newPage,
  openTaskId,
  PHONE,
  publish,
  screenshot,
  startInstance,
  switchToRussian,
  waitForHeading,
} from './support.ts';

/** The frame around every page: languages, sign-in, keyboard use, live updates, phone and desktop widths. */
describe('the app shell', () => {
  let instanceId = '';
  let taskId = '';
  const stage = suiteStage(async (server) => {
    await publish(server, fixture('vacation.json'));
    await publish(server, fixture('vacation-ru.json'));
    await publish(server, fixture('notice.json'));
    const started = await startInstance(server, {
      definitionKey: 'otpusk',
      params: { firstDay: '2026-07-01', days: 7, note: 'Семья едет на море, клиентов ведёт Анна.' },
      startedBy: 'ivan',
    });
    instanceId = started.id;
    taskId = await openTaskId(server, instanceId);
  });

  it('speaks the browser’s language by default and remembers a switch', async () => {
    const russian = await newPage(stage.browser, stage.server, { viewport: PHONE, locale: 'ru-RU' });
    await russian.goto('/');
    await russian.getByRole('heading', { level: 1, name: 'Вход' }).waitFor();
    await screenshot(russian, 'sign-in-ru-phone');
    await russian.context().close();

    const page = await stage.signIn('olga', { viewport: PHONE });
    await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
    await switchToRussian(page);
    await page.getByRole('heading', { level: 1, name: 'Мои задания' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Мои задания' }).waitFor();
    await page.getByRole('link', { name: /Согласовать отпуск: 7 дн/ }).click();
    await page.getByRole('button', { name: 'Согласовать' }).waitFor();
    await page.getByRole('button', { name: 'Отклонить' }).waitFor();
    await page.getByText('Семья едет на море').first().waitFor();
    await screenshot(page, 'task-approve-ru-phone');
    await page.goto(`/processes/${encodeURIComponent(instanceId)}`);
    await page.getByText('Где сейчас').waitFor();
    await screenshot(page, 'process-card-ru-phone', { fullPage: true });
    await page.context().close();
  });

  it('is usable with the keyboard: a skip link first, a visible focus ring', async () => {
    const page = await stage.signIn('ivan', { viewport: DESKTOP });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab to the first menu link: it shows Mantine's focus ring (an outline), not just a colour change.
    const link = page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Start a process' });
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Start a process' }).waitFor();
    await page.context().close();
  });

  it('announces a new task and a notification at once, over the event stream', async () => {
    const page = await stage.signIn('olga', { viewport: DESKTOP });
    await page.getByRole('button', { name: 'Notifications: 1 task waits for you' }).waitFor();
    await page.waitForTimeout(500); // the stream is open once the page has settled
    await startInstance(stage.server, {
      definitionKey: 'vacation',
      params: { firstDay: '2026-12-28', days: 4 },
      startedBy: 'ivan',
    });
    // Well under the 15 s poll the page falls back to without the stream.
    await page.getByRole('link', { name: /Approve 4 days of vacation/ }).waitFor({ timeout: 5000 });
    await startInstance(stage.server, {
      definitionKey: 'notice',
      params: { text: 'The office is closed on Friday.' },
      startedBy: 'admin',
    });
    const bell = page.getByRole('button', {
      name: 'Notifications: 2 tasks wait for you, 1 unread notification',
    });
    await bell.waitFor({ timeout: 5000 });
    await bell.click();
    const dropdown = page.getByRole('dialog');
    await dropdown.getByText(/Approve 4 days of vacation/).waitFor();
    await dropdown.getByText('The office is closed on Friday.').waitFor();
    await screenshot(page, 'bell-desktop');
    await dropdown.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications: 2 tasks wait for you' }).waitFor();
    await page.context().close();
  });

  it('fits a 375 px phone and a 1440 px desktop on every page', async () => {
    const pages = [
      ['/', 'My tasks'],
      [`/tasks/${encodeURIComponent(taskId)}`, /Согласовать отпуск/],
      ['/start', 'Start a process'],
      ['/start/vacation', 'Vacation request'],
      ['/processes', 'My processes'],
      [`/processes/${encodeURIComponent(instanceId)}`, 'Заявление на отпуск'],
      ['/admin/instances', 'All processes'],
      ['/admin/tasks', 'All tasks'],
      ['/admin/org', 'Organisation'],
      ['/no/such/page', 'Page not found'],
    ] as const;
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await stage.signIn('admin', { viewport });
      for (const [path, heading] of pages) {
        await page.goto(path);
        await waitForHeading(page, heading);
        await page.waitForLoadState('networkidle');
        expect(await horizontalOverflow(page), `${path} at ${viewport.width} px`).toBe(0);
      }
      await page.context().close();
    }
  }, 90_000);
});
