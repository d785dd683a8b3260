import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, column, confirmDeal, createDeal, type PipelineBody, stageNamed } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  horizontalOverflow,
  PHONE,
  publish,
  SETUP_TIMEOUT,
  screenshot,
  switchToRussian,
  type TestServer,
} from './support.ts';

interface RobotBody {
  id: string;
  stageId: string;
  name: string;
  action: string;
  delay: string | null;
  message: string | null;
  notifyHead: boolean;
  definitionKey: string | null;
  active: boolean;
}

const SALES_STAGES = [
  { name: 'New', kind: 'open' },
  { name: 'In progress', kind: 'open' },
  { name: 'Quote sent', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
] as const;
const PROJECT_STAGES = [
  { name: 'Brief', kind: 'open' },
  { name: 'Done', kind: 'won' },
  { name: 'Dropped', kind: 'lost' },
] as const;

const FORGOTTEN_EN =
  '{{ responsible.name }}, remind {{ deal.company }} about yourself: ask whether the terms of our quote suit them.';
const FORGOTTEN_RU =
  '{{ responsible.name }}, напомните о себе клиенту {{ deal.company }}: уточните, устраивают ли его условия нашего предложения.';

const createPipeline = (server: TestServer, name: string, stages: readonly object[]) =>
  server.api<PipelineBody>('POST', '/api/v1/crm/pipelines', { name, stages });

async function robotsOf(server: TestServer, pipeline: PipelineBody): Promise<RobotBody[]> {
  const list = await server.api<{ items: RobotBody[] }>('GET', `/api/v1/crm/pipelines/${pipeline.id}/robots`);
  return list.items;
}

const card = (page: Page, stage: string, name: string): Locator =>
  column(page, stage).getByRole('listitem', { name, exact: true });

async function cardMenu(page: Page, name: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `What to do with ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/**
 * An administrator sets up the robots of a pipeline, Bitrix24-style, one column per stage: the
 * "forgotten client" reminder from its preset, a process started about new deals, switched off, edited
 * and removed; a notice that does not parse is refused at its field; in Russian and on a phone; and an
 * employee has no such page.
 */
describe('the robots of a pipeline', () => {
  let sales: PipelineBody;
  let projects: PipelineBody;
  const stage = suiteStage(async (server) => {
    sales = await createPipeline(server, 'Sales', SALES_STAGES);
    projects = await createPipeline(server, 'Projects', PROJECT_STAGES);
    await publish(server, confirmDeal);
    await publish(server, { ...confirmDeal, key: 'follow-up', name: 'Follow up' });
    await server.api('PUT', '/api/v1/crm/fields/deal', {
      items: [{ key: 'signedOn', label: 'Signed on', type: 'date' }],
    });
  });
  let page: Page;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  it('adds the forgotten-client robot from its preset to the Quote sent column', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Robots' }).click();
    await page.getByRole('heading', { level: 1, name: 'Robots' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Pipeline' }).inputValue()).toBe('Sales');
    await expect.poll(() => page.getByRole('region').count()).toBe(5);
    await column(page, 'Quote sent').getByText('No robots at this stage.').waitFor();

    await page.getByRole('button', { name: 'Add a robot at Quote sent' }).click();
    const dialog = page.getByRole('dialog', { name: 'New robot' });
    await dialog.getByRole('button', { name: 'Forgotten client' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Forgotten client');
    expect(await dialog.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('Quote sent');
    expect(await dialog.getByRole('radio', { name: /^After some time/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('textbox', { name: 'How long' }).inputValue()).toBe('7');
    expect(await dialog.getByRole('combobox', { name: 'Unit' }).inputValue()).toBe('days');
    expect(await dialog.getByRole('textbox', { name: 'Message' }).inputValue()).toBe(FORGOTTEN_EN);
    expect(await dialog.getByRole('checkbox', { name: "Also notify the manager's head" }).isChecked()).toBe(
      true,
    );
    await screenshot(page, 'crm-robot-dialog-desktop');
    await dialog.getByRole('button', { name: 'Add the robot' }).click();
    await page.getByText('Robot “Forgotten client” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const forgotten = card(page, 'Quote sent', 'Forgotten client');
    await forgotten.getByText('After 7 days at the stage').waitFor();
    await forgotten.getByText('Notify the manager and their head').waitFor();
    await column(page, 'Quote sent').getByLabel('1 robot').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-robots-desktop');

    expect(await robotsOf(stage.server, sales)).toMatchObject([
      {
        stageId: stageNamed(sales, 'Quote sent').id,
        name: 'Forgotten client',
        action: 'notify',
        delay: 'P7D',
        message: FORGOTTEN_EN,
        notifyHead: true,
        definitionKey: null,
        active: true,
      },
    ]);
  });

  it('adds a robot that starts a process about each new deal', async () => {
    await page.getByRole('button', { name: 'Add a robot', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New robot' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Confirm new deals');
    expect(await dialog.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('New');
    await dialog.getByRole('radio', { name: 'Start a process about the deal' }).check();
    expect(await dialog.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await choose(page, 'Process', 'Confirm the deal');
    await dialog.getByRole('button', { name: 'Add the robot' }).click();
    await dialog.waitFor({ state: 'detached' });

    const confirm = card(page, 'New', 'Confirm new deals');
    await confirm.getByText('Start process “Confirm the deal”').waitFor();
    await confirm.getByText('At once').waitFor();
    const saved = (await robotsOf(stage.server, sales)).find((r) => r.name === 'Confirm new deals');
    expect(saved).toMatchObject({
      stageId: stageNamed(sales, 'New').id,
      action: 'startProcess',
      delay: null,
      message: null,
      notifyHead: false,
      definitionKey: confirmDeal.key,
      active: true,
    });
  });

  it('switches a robot off, dimmed with a badge, and edits it keeping it off', async () => {
    await cardMenu(page, 'Confirm new deals', 'Switch off');
    await page.getByText('Robot “Confirm new deals” switched off.').waitFor();
    await card(page, 'New', 'Confirm new deals').getByText('Switched off').waitFor();
    const off = (await robotsOf(stage.server, sales)).find((r) => r.name === 'Confirm new deals');
    expect(off?.active).toBe(false);
    expect(off?.definitionKey).toBe(confirmDeal.key);

    await cardMenu(page, 'Confirm new deals', 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Robot “Confirm new deals”' });
    expect(await dialog.getByRole('switch', { name: /^Active/ }).isChecked()).toBe(false);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Confirm fresh deals');
    await dialog.getByRole('radio', { name: /^After some time/ }).check();
    await dialog.getByRole('textbox', { name: 'How long' }).fill('4');
    await choose(page, 'Unit', 'hours');
    await dialog.getByRole('checkbox', { name: /^Count working time/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const edited = card(page, 'New', 'Confirm fresh deals');
    await edited.getByText('After 4 hours at the stage').waitFor();
    await edited.getByText('· working time').waitFor();
    await edited.getByText('Switched off').waitFor();
    const robot = (await robotsOf(stage.server, sales)).find((r) => r.id === off?.id);
    expect(robot).toMatchObject({
      name: 'Confirm fresh deals',
      delay: 'PT4H',
      inWorkingTime: true,
      active: false,
      definitionKey: 'confirm-deal',
    });

    await cardMenu(page, 'Confirm fresh deals', 'Switch on');
    await expect.poll(() => edited.getByText('Switched off').count()).toBe(0);
  });

  it("shows the server's refusal of a notice that does not parse at the message, then saves it mended", async () => {
    await page.getByRole('button', { name: 'Add a robot at In progress' }).click();
    const dialog = page.getByRole('dialog', { name: 'New robot' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Broken');
    const message = dialog.getByRole('textbox', { name: 'Message' });
    await message.fill('Call {{ deal.title ');
    await dialog.getByRole('button', { name: 'Add the robot' }).click();

    // The words are the server's: ask it the same question for them.
    const refusal = await stage.server.api<{ code: string; errors: { path: string; message: string }[] }>(
      'POST',
      `/api/v1/crm/pipelines/${sales.id}/robots`,
      {
        stageId: stageNamed(sales, 'In progress').id,
        name: 'Broken',
        action: 'notify',
        message: 'Call {{ deal.title ',
      },
      422,
    );
    expect(refusal.code).toBe('INVALID_ROBOT');
    const words = refusal.errors.find((e) => e.path === 'body.message')?.message ?? '';
    expect(words).not.toBe('');
    await dialog.getByText(words, { exact: true }).waitFor();
    await expect.poll(() => message.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);

    // The help lists the deal's own fields too.
    await dialog.getByRole('button', { name: '{{ deal.signedOn }}' }).waitFor();
    await dialog.getByText('Signed on', { exact: true }).waitFor();
    // Mended: a name put in from the help, at the caret.
    await message.fill('Call about ');
    await dialog.getByRole('button', { name: '{{ deal.title }}' }).click();
    await expect.poll(() => message.inputValue()).toBe('Call about {{ deal.title }}');
    await dialog.getByRole('button', { name: 'Add the robot' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card(page, 'In progress', 'Broken').getByText('Notify the manager', { exact: true }).waitFor();
  });

  it('shows a template deleted while the dialog was open at the process field', async () => {
    await page.getByRole('button', { name: 'Add a robot at Won' }).click();
    const dialog = page.getByRole('dialog', { name: 'New robot' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Follow up');
    await dialog.getByRole('radio', { name: 'Start a process about the deal' }).check();
    await choose(page, 'Process', 'Follow up');
    await stage.server.api('DELETE', '/api/v1/definitions/follow-up', undefined, 204);
    await dialog.getByRole('button', { name: 'Add the robot' }).click();
    await dialog.getByText('there is no published template follow-up').waitFor();
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Process' }).getAttribute('aria-invalid'))
      .toBe('true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await robotsOf(stage.server, sales)).some((r) => r.name === 'Follow up')).toBe(false);
  });

  it('deletes a robot after asking', async () => {
    await cardMenu(page, 'Broken', 'Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete the robot “Broken”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Robot “Broken” deleted.').waitFor();
    await expect.poll(() => card(page, 'In progress', 'Broken').count()).toBe(0);
    expect((await robotsOf(stage.server, sales)).map((r) => r.name).sort()).toEqual([
      'Confirm fresh deals',
      'Forgotten client',
    ]);
  });

  it('moves a deal on by itself: a robot that closes what reaches a stage', async () => {
    await page.getByRole('button', { name: 'Add a robot at In progress' }).click();
    const dialog = page.getByRole('dialog', { name: 'New robot' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Close at once');
    await dialog.getByRole('radio', { name: 'Move the deal to another stage' }).check();
    expect(await dialog.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await choose(page, 'To the stage', 'Lost');
    await dialog.getByRole('button', { name: 'Add the robot' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card(page, 'In progress', 'Close at once').getByText('Moves the deal to “Lost”').waitFor();
    const robot = (await robotsOf(stage.server, sales)).find((r) => r.name === 'Close at once');
    expect(robot).toMatchObject({ action: 'moveStage', delay: null, message: null });

    // A deal brought to In progress is moved on by the server's worker, the robot named in its history.
    const deal = await createDeal(stage.server, {
      title: 'Сам уйдёт',
      pipelineId: sales.id,
      responsibleId: 'ivan',
    });
    await stage.server.api('PATCH', `/api/v1/crm/deals/${deal.id}`, {
      stageId: stageNamed(sales, 'In progress').id,
    });
    await expect
      .poll(
        async () =>
          (await stage.server.api<{ stageId: string }>('GET', `/api/v1/crm/deals/${deal.id}`)).stageId,
      )
      .toBe(stageNamed(sales, 'Lost').id);
    await page.goto(`/crm/deals/${deal.id}`);
    const history = page.getByRole('region', { name: 'Stage history' }).getByRole('listitem');
    await expect.poll(() => history.last().textContent()).toMatch(/ · by the robot “Close at once”$/);
    await stage.server.api('DELETE', `/api/v1/crm/robots/${robot?.id}`, undefined, 204);
    await page.goto(`/crm/robots?pipeline=${sales.id}`);
  });

  it('switches pipelines, the choice kept in the address', async () => {
    await choose(page, 'Pipeline', 'Projects');
    await column(page, 'Brief').getByText('No robots at this stage.').waitFor();
    await expect.poll(() => page.getByRole('region').count()).toBe(3);
    expect(new URL(page.url()).searchParams.get('pipeline')).toBe(projects.id);
    await page.reload();
    await column(page, 'Dropped').waitFor();
    expect(await page.getByRole('combobox', { name: 'Pipeline' }).inputValue()).toBe('Projects');
  });

  it('is in Russian for a Russian reader, the preset too', async () => {
    const russian = await stage.signIn('admin', { viewport: DESKTOP });
    await switchToRussian(russian);
    await russian
      .getByRole('navigation', { name: 'Главное меню' })
      .getByRole('link', { name: 'Роботы' })
      .click();
    await russian.getByRole('heading', { level: 1, name: 'Роботы' }).waitFor();
    const forgotten = card(russian, 'Quote sent', 'Forgotten client');
    await forgotten.getByText('Через 7 дней на стадии').waitFor();
    await forgotten.getByText('Уведомить менеджера и его руководителя').waitFor();
    await card(russian, 'New', 'Confirm fresh deals').getByText('Через 4 часа на стадии').waitFor();
    await card(russian, 'New', 'Confirm fresh deals')
      .getByText('Запустить процесс «Confirm the deal»')
      .waitFor();

    await russian.getByRole('button', { name: 'Добавить робота на стадию Won' }).click();
    const dialog = russian.getByRole('dialog', { name: 'Новый робот' });
    await dialog.getByRole('button', { name: 'Забытый клиент' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Название' }).inputValue()).toBe('Забытый клиент');
    expect(await dialog.getByRole('textbox', { name: 'Сообщение' }).inputValue()).toBe(FORGOTTEN_RU);
    expect(await dialog.getByRole('textbox', { name: 'Через сколько' }).inputValue()).toBe('7');
    expect(await dialog.getByRole('combobox', { name: 'Единица' }).inputValue()).toBe('дни');
    await dialog.getByRole('checkbox', { name: 'Уведомить и руководителя менеджера' }).waitFor();
    await dialog.getByRole('radio', { name: 'Запускает процесс по сделке' }).waitFor();
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'detached' });
    await russian.context().close();
  });

  it('shows a phone one stage at a time, picked above the column', async () => {
    const phone = await stage.signIn('admin', { viewport: PHONE });
    await phone.goto(`/crm/robots?pipeline=${sales.id}`);
    await phone.getByRole('heading', { level: 1, name: 'Robots' }).waitFor();
    await column(phone, 'New').getByRole('listitem', { name: 'Confirm fresh deals' }).waitFor();
    expect(await phone.getByRole('region').count()).toBe(1);
    expect(await horizontalOverflow(phone)).toBe(0);

    await choose(phone, 'Stage', 'Quote sent (1)');
    await card(phone, 'Quote sent', 'Forgotten client').getByText('After 7 days at the stage').waitFor();
    expect(await phone.getByRole('region').count()).toBe(1);
    expect(new URL(phone.url()).searchParams.get('stage')).toBe(stageNamed(sales, 'Quote sent').id);
    await screenshot(phone, 'crm-robots-phone');

    // The header's button adds at the stage on show.
    await phone.getByRole('button', { name: 'Add a robot', exact: true }).click();
    const dialog = phone.getByRole('dialog', { name: 'New robot' });
    expect(await dialog.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('Quote sent');
    expect(await horizontalOverflow(phone)).toBe(0);
    await phone.context().close();
  });

  it('is not for an employee: no menu item, and no page at its address', async () => {
    const employee = await stage.signIn(stage.company.employee);
    await employee
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Deals' })
      .waitFor();
    expect(await employee.getByRole('link', { name: 'Robots' }).count()).toBe(0);
    await employee.goto(`/crm/robots?pipeline=${sales.id}`);
    await employee.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(await employee.getByRole('region').count()).toBe(0);
    await employee.context().close();
  });
});
