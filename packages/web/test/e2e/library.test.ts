import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { horizontalOverflow, PHONE, screenshot, switchToRussian } from './support.ts';

/**
 * The library of standard processes: an administrator on a phone installs and publishes the vacation
 * request from the templates page and starts it from the start catalogue; then, in Russian, installs a
 * copy of it under another key, since its own is taken.
 */
describe('standard processes in the browser', () => {
  const stage = suiteStage();

  it('an administrator on a phone installs and publishes the vacation request, then starts it', async () => {
    const page = await stage.signIn(stage.company.admin, { viewport: PHONE });
    await page.goto('/designer');
    const library = page.getByRole('region', { name: 'Standard processes' });
    const vacation = library.getByRole('listitem', { name: 'Vacation request' });
    await vacation.getByText('role:accountant').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'library-phone');

    await vacation.getByRole('button', { name: 'Install and publish' }).click();
    await page
      .getByText('“Vacation request” is installed and published as vacation. Roles created: accountant, hr.')
      .waitFor();
    await vacation.getByText('Installed', { exact: true }).waitFor();
    await page.getByTestId('templates-table').getByRole('link', { name: 'Vacation request' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await vacation.getByRole('link', { name: 'Open in the designer' }).click();
    await page.getByTestId('status').getByText('Published v1').waitFor();

    await page.goto('/start');
    await page.getByRole('link', { name: 'Start Vacation request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vacation request' }).waitFor();
    await page.getByLabel('First day of the vacation').fill('2026-07-01');
    await page.getByRole('textbox', { name: 'Number of calendar days' }).fill('14');
    await page.getByLabel('Note for your head').fill('Two weeks at the sea');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    await page.waitForURL(/\/processes\/[^/]+$/, { waitUntil: 'commit' });
    await page.getByTestId('current-nodes').getByText('Head approves').waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const instance = await stage.server.api<{ status: string; definitionKey: string; variables: object }>(
      'GET',
      `/api/v1/instances/${id}`,
    );
    expect(instance).toMatchObject({
      status: 'running',
      definitionKey: 'vacation',
      variables: { vacationType: 'annual', firstDay: '2026-07-01', days: 14 },
    });
    await page.context().close();
  });

  it('in Russian, a taken key asks for another one and the copy is installed in Russian', async () => {
    await stage.server.api('PATCH', '/api/v1/users/admin', { locale: 'ru-RU' });
    const page = await stage.signIn(stage.company.admin, { viewport: PHONE });
    await switchToRussian(page);
    await page.goto('/designer');
    const library = page.getByRole('region', { name: 'Типовые процессы' });
    const vacation = library.getByRole('listitem', { name: 'Заявление на отпуск' });
    await vacation.getByText('Установлен', { exact: true }).waitFor();
    await vacation.getByRole('button', { name: 'Установить копию' }).click();

    const dialog = page.getByRole('dialog', { name: 'Установка «Заявление на отпуск»' });
    await dialog.getByText('Шаблон с кодом vacation уже есть.', { exact: false }).waitFor();
    const key = dialog.getByRole('textbox', { name: 'Код' });
    expect(await key.inputValue()).toBe('vacation-2');
    await key.fill('vacation');
    await dialog.getByText('Этот код занят').waitFor();
    await key.fill('otpusk');
    await dialog.getByRole('checkbox', { name: 'Сразу опубликовать' }).check();
    await dialog.getByRole('button', { name: 'Установить' }).click();
    await page.getByText('«Заявление на отпуск» установлен и опубликован как otpusk.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    const copy = await stage.server.api<{ name: string; status: string }>(
      'GET',
      '/api/v1/definitions/otpusk',
    );
    expect(copy).toMatchObject({ name: 'Заявление на отпуск', status: 'published' });
    await page.context().close();
  });
});
