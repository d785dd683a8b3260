import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  column,
  createDeal,
  createPipeline,
  type DealBody,
  type PipelineBody,
  stageNamed,
} from './crm-support.ts';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  horizontalOverflow,
  PHONE,
  SETUP_TIMEOUT,
  screenshot,
  switchToRussian,
  type TestServer,
} from './support.ts';

interface TriggerBody {
  id: string;
  stageId: string;
  name: string;
  event: string;
  activityKind: string | null;
  allowBackward: boolean;
  active: boolean;
}

const LEAD_STAGES = [
  { name: 'Fresh', kind: 'open' },
  { name: 'Converted', kind: 'won' },
  { name: 'Junk', kind: 'lost' },
] as const;

async function triggersOf(server: TestServer, pipeline: PipelineBody): Promise<TriggerBody[]> {
  const list = await server.api<{ items: TriggerBody[] }>(
    'GET',
    `/api/v1/crm/pipelines/${pipeline.id}/triggers`,
  );
  return list.items;
}

const card = (page: Page, stage: string, name: string): Locator =>
  column(page, stage).getByRole('listitem', { name, exact: true });

async function cardMenu(page: Page, name: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `What to do with ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** The texts of the open select's options. */
const options = (page: Page) => page.getByRole('option').allTextContents();

/**
 * An administrator puts triggers on the stages of a pipeline, above their robots: a done call moves a
 * deal forward — checked by completing one through the API, the deal's history naming the trigger — and
 * an outside system's trigger shows the address it calls; an empty name is refused at its field; quotes
 * are not offered on a lead pipeline; in Russian and on a phone; and an employee cannot add any.
 */
describe('the triggers of a pipeline', () => {
  let sales: PipelineBody;
  let leads: PipelineBody;
  let deal: DealBody;
  const stage = suiteStage(async (server) => {
    sales = await createPipeline(server, 'Sales');
    leads = await server.api('POST', '/api/v1/crm/pipelines', {
      name: 'Inbound',
      entity: 'lead',
      stages: LEAD_STAGES,
    });
    deal = await createDeal(server, { title: 'Roof repair', pipelineId: sales.id, responsibleId: 'ivan' });
  });
  let page: Page;
  const robotsOfSales = () => `/crm/robots?pipeline=${sales.id}`;

  beforeAll(async () => {
    page = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  it('adds a trigger a done call sets off, shown above the robots of its stage', async () => {
    await page.goto(robotsOfSales());
    await page.getByRole('heading', { level: 1, name: 'Robots' }).waitFor();
    const inProgress = column(page, 'In progress');
    await inProgress.getByRole('heading', { level: 3, name: 'Triggers' }).waitFor();
    await inProgress.getByText('No robots at this stage.').waitFor();

    await page.getByRole('button', { name: 'Add a trigger at In progress' }).click();
    const dialog = page.getByRole('dialog', { name: 'New trigger' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Call done');
    expect(await dialog.getByRole('combobox', { name: 'What sets it off' }).inputValue()).toBe(
      'An activity done',
    );
    expect(await dialog.getByRole('combobox', { name: 'Moves to the stage' }).inputValue()).toBe(
      'In progress',
    );
    expect(await dialog.getByRole('combobox', { name: 'Which activity' }).inputValue()).toBe('Any activity');
    await choose(page, 'Which activity', 'Call');
    expect(await dialog.getByRole('switch', { name: /^Also move back/ }).isChecked()).toBe(false);
    expect(await dialog.getByRole('switch', { name: /^On/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Add the trigger' }).click();
    await page.getByText('Trigger “Call done” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    await card(page, 'In progress', 'Call done').getByText('A call done').waitFor();
    expect(await card(page, 'In progress', 'Call done').getByText('back too').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await triggersOf(stage.server, sales)).toMatchObject([
      {
        stageId: stageNamed(sales, 'In progress').id,
        name: 'Call done',
        event: 'activityCompleted',
        activityKind: 'call',
        allowBackward: false,
        active: true,
      },
    ]);
  });

  it('edits the trigger: renamed, allowed to move back', async () => {
    await cardMenu(page, 'Call done', 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Trigger “Call done”' });
    expect(await dialog.getByRole('combobox', { name: 'Which activity' }).inputValue()).toBe('Call');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Client called');
    await dialog.getByRole('switch', { name: /^Also move back/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const edited = card(page, 'In progress', 'Client called');
    await edited.getByText('back too').waitFor();
    await edited.getByText('A call done').waitFor();
    expect(await triggersOf(stage.server, sales)).toMatchObject([
      { name: 'Client called', activityKind: 'call', allowBackward: true, active: true },
    ]);
  });

  it("shows the server's refusal of an empty name at the field", async () => {
    await page.getByRole('button', { name: 'Add a trigger at Won' }).click();
    const dialog = page.getByRole('dialog', { name: 'New trigger' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    // Spaces pass the browser's own check; the server trims them and refuses.
    await name.fill('   ');
    await dialog.getByRole('button', { name: 'Add the trigger' }).click();

    const refusal = await stage.server.api<{ errors: { path: string; message: string }[] }>(
      'POST',
      `/api/v1/crm/pipelines/${sales.id}/triggers`,
      { stageId: stageNamed(sales, 'Won').id, name: '   ', event: 'activityCompleted' },
      400,
    );
    const words = refusal.errors.find((e) => e.path === 'body.name')?.message ?? '';
    expect(words).not.toBe('');
    await dialog.getByText(words, { exact: true }).waitFor();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it("adds an outside system's trigger and shows the address it calls, with a copy button", async () => {
    await page.getByRole('button', { name: 'Add a trigger at Won' }).click();
    const dialog = page.getByRole('dialog', { name: 'New trigger' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Paid in 1C');
    await choose(page, 'What sets it off', 'An outside system (webhook)');
    expect(await dialog.getByRole('combobox', { name: 'Which activity' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Add the trigger' }).click();
    await dialog.waitFor({ state: 'detached' });

    const paid = (await triggersOf(stage.server, sales)).find((t) => t.name === 'Paid in 1C');
    expect(paid).toMatchObject({
      event: 'webhook',
      activityKind: null,
      stageId: stageNamed(sales, 'Won').id,
    });
    const url = `${stage.server.url}/api/v1/crm/triggers/${paid?.id}/fire`;
    const webhook = card(page, 'Won', 'Paid in 1C');
    await webhook.getByText('An outside system (webhook)').waitFor();
    const request = webhook.getByLabel('How to call Paid in 1C');
    expect(await request.textContent()).toBe(`POST ${url}\n{"itemId": "<deal id>"}`);
    expect(await webhook.getByRole('link', { name: 'API tokens' }).getAttribute('href')).toBe(
      '/account/tokens',
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await webhook.getByRole('button', { name: 'Copy the address' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-triggers-desktop');
  });

  it('moves a deal when its call is done, the stage history naming the trigger', async () => {
    const server = stage.server;
    expect(deal.stageId).toBe(stageNamed(sales, 'New').id);
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const call = await server.api<{ id: string }>('POST', '/api/v1/crm/activities', {
      dealId: deal.id,
      kind: 'call',
      title: 'Call about the roof',
      dueAt: due,
    });
    await server.api('POST', `/api/v1/crm/activities/${call.id}/complete`, {});
    // The worker applies the trigger a moment later.
    await expect
      .poll(async () => (await server.api<DealBody>('GET', `/api/v1/crm/deals/${deal.id}`)).stageId)
      .toBe(stageNamed(sales, 'In progress').id);

    await page.goto(`/crm/deals/${deal.id}`);
    const history = page.getByRole('region', { name: 'Stage history' }).getByRole('listitem');
    await expect.poll(() => history.allTextContents()).toHaveLength(2);
    const [, moved] = await history.allTextContents();
    expect(moved).toMatch(/^In progress.* · by the trigger “Client called”$/);
    expect(moved).not.toContain('trigger:');
  });

  it('deletes a trigger after asking; the history then says a trigger moved the deal', async () => {
    await page.goto(robotsOfSales());
    await cardMenu(page, 'Client called', 'Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete the trigger “Client called”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Trigger “Client called” deleted.').waitFor();
    await expect.poll(() => card(page, 'In progress', 'Client called').count()).toBe(0);
    expect((await triggersOf(stage.server, sales)).map((t) => t.name)).toEqual(['Paid in 1C']);

    await page.goto(`/crm/deals/${deal.id}`);
    const history = page.getByRole('region', { name: 'Stage history' }).getByRole('listitem');
    await expect.poll(() => history.nth(1).textContent()).toMatch(/ · by a trigger$/);
  });

  it('offers no answers to a quote on a lead pipeline, picked among the lead pipelines', async () => {
    await page.goto(robotsOfSales());
    await choose(page, 'Pipeline', 'Inbound');
    expect(new URL(page.url()).searchParams.get('pipeline')).toBe(leads.id);
    await page.getByRole('button', { name: 'Add a trigger at Fresh' }).click();
    const dialog = page.getByRole('dialog', { name: 'New trigger' });
    await dialog.getByRole('combobox', { name: 'What sets it off' }).click();
    expect(await options(page)).toEqual([
      'An activity done',
      "A client's letter",
      'An outside system (webhook)',
    ]);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // A robot there speaks of the lead, and starts processes made for leads.
    await page.getByRole('button', { name: 'Add a robot at Fresh' }).click();
    const robot = page.getByRole('dialog', { name: 'New robot' });
    await robot.getByRole('radio', { name: 'Start a process about the lead' }).check();
    await robot
      .getByText('No published template is made for leads yet: create one in the designer.')
      .waitFor();
    await robot.getByRole('button', { name: 'Cancel' }).click();
    await robot.waitFor({ state: 'detached' });
  });

  it('is in Russian for a Russian reader', async () => {
    const russian = await stage.signIn('admin', { viewport: DESKTOP });
    await switchToRussian(russian);
    await russian.goto(robotsOfSales());
    await russian.getByRole('heading', { level: 1, name: 'Роботы' }).waitFor();
    await column(russian, 'New').getByRole('heading', { level: 3, name: 'Триггеры' }).waitFor();
    const paid = card(russian, 'Won', 'Paid in 1C');
    await paid.getByText('Вебхук (внешняя система)').waitFor();
    await paid.getByText('{"itemId": "<id сделки>"}').waitFor();
    await paid.getByRole('link', { name: 'API-токены' }).waitFor();

    await russian.getByRole('button', { name: 'Добавить триггер на стадию In progress' }).click();
    const dialog = russian.getByRole('dialog', { name: 'Новый триггер' });
    await dialog.getByRole('textbox', { name: 'Название' }).waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Какое дело' }).inputValue()).toBe('Любое дело');
    await dialog.getByRole('switch', { name: /^Переводить и назад/ }).waitFor();
    await dialog.getByRole('combobox', { name: 'Что запускает' }).click();
    expect(await options(russian)).toEqual([
      'Дело выполнено',
      'Письмо клиента',
      'Клиент принял предложение',
      'Клиент отклонил предложение',
      'Вебхук (внешняя система)',
    ]);
    await russian.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'detached' });

    await russian.goto(`/crm/deals/${deal.id}`);
    const history = russian.getByRole('region', { name: 'История стадий' }).getByRole('listitem');
    await expect.poll(() => history.nth(1).textContent()).toMatch(/ · триггером$/);
    await russian.context().close();
  });

  it("shows a phone one stage's triggers without sideways scrolling", async () => {
    const phone = await stage.signIn('admin', { viewport: PHONE });
    await phone.goto(`${robotsOfSales()}&stage=${stageNamed(sales, 'Won').id}`);
    const paid = card(phone, 'Won', 'Paid in 1C');
    await paid.getByText('An outside system (webhook)').waitFor();
    expect(await phone.getByRole('region').count()).toBe(1);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'crm-triggers-phone');

    await cardMenu(phone, 'Paid in 1C', 'Edit');
    const dialog = phone.getByRole('dialog', { name: 'Trigger “Paid in 1C”' });
    await dialog.getByLabel('How to call Paid in 1C').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await phone.context().close();
  });

  it('gives an employee no button to add one', async () => {
    const employee = await stage.signIn(stage.company.employee);
    await employee.goto(robotsOfSales());
    await employee.getByRole('alert').getByText('You may not do this.').waitFor();
    expect(await employee.getByRole('button', { name: /^Add a trigger/ }).count()).toBe(0);
    await employee.context().close();
  });
});
