import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  column,
  createDeal,
  createParty,
  createPipeline,
  type DealBody,
  dealCard,
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

interface ActivityBody {
  id: string;
  dealId: string;
  kind: string;
  title: string;
  dueAt: string;
  overdue: boolean;
  responsibleId: string;
  comment: string | null;
  result: string | null;
  doneAt: string | null;
  robotId: string | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CALL = 'Call Pavel about the terms';
const LATE = 'Send the price list';

/** A day counted from today in Moscow (the browsers' time zone), as a date input takes it. */
function moscowDay(fromToday: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(Date.now() + fromToday * DAY);
}
/** The instant of a Moscow date and time (UTC+3 all year). */
const moscow = (day: string, time: string) => new Date(`${day}T${time}:00+03:00`).toISOString();

async function activitiesOf(server: TestServer, dealId: string): Promise<ActivityBody[]> {
  const list = await server.api<{ items: ActivityBody[] }>('GET', `/api/v1/crm/activities?dealId=${dealId}`);
  return list.items;
}

/**
 * A sales manager on a phone plans a call on a deal, finds it on the deal and on My activities beside
 * one overdue, reschedules it and completes it with what came of it; an administrator puts a robot on a
 * stage that plans a call for each deal moved there; an employee whose role may only read a pipeline's
 * deals sees one without a way to change it, and a move on the board is refused in words; in Russian.
 */
describe('CRM activities', () => {
  let sales: PipelineBody;
  let forklifts: DealBody;
  let racks: DealBody;
  let acme: { id: string };
  const stage = suiteStage(async (server) => {
    sales = await createPipeline(server);
    const pavel = await createParty(server, 'contacts', { name: 'Pavel Orlov' });
    forklifts = await createDeal(server, {
      title: 'Forklifts for ACME',
      pipelineId: sales.id,
      responsibleId: 'ivan',
      contactId: pavel.id,
    });
    racks = await createDeal(server, {
      title: 'Warehouse racks',
      pipelineId: sales.id,
      responsibleId: 'ivan',
      contactId: pavel.id,
    });
    const parts = await createDeal(server, {
      title: 'Spare parts',
      pipelineId: sales.id,
      responsibleId: 'ivan',
    });
    await server.api('POST', '/api/v1/crm/activities', {
      dealId: parts.id,
      kind: 'email',
      title: LATE,
      dueAt: new Date(Date.now() - 2 * DAY).toISOString(),
    });
    await server.api('POST', '/api/v1/roles', { name: 'auditor', title: 'Auditors' });
    await server.api('PATCH', '/api/v1/users/anna', { roles: [{ role: 'auditor' }] });
    await server.api('POST', '/api/v1/crm/access', {
      role: 'auditor',
      entity: 'deal',
      pipelineId: sales.id,
      access: 'read',
    });
    acme = await createParty(server, 'companies', { name: 'ACME Ltd', responsibleId: 'ivan' });
    await server.api('POST', '/api/v1/crm/access', { role: 'auditor', entity: 'company', access: 'read' });
  });
  let phone: Page;
  const dealUrl = (deal: DealBody) => `/crm/deals/${deal.id}`;
  const section = (page: Page) => page.getByRole('region', { name: 'Activities' });
  const line = (page: Page, title: string) => page.getByRole('listitem', { name: title, exact: true });

  beforeAll(async () => {
    phone = await stage.signIn(stage.company.employee, { viewport: PHONE });
  }, SETUP_TIMEOUT);

  it('plans a call on a deal from a phone, for its manager, and lists it on the deal', async () => {
    await phone.goto(dealUrl(forklifts));
    await section(phone).getByText('Nothing planned.').waitFor();
    await section(phone).getByRole('button', { name: 'Plan' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Plan an activity' });
    expect(await dialog.getByRole('radio', { name: 'Call' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('combobox', { name: 'Who does it' }).inputValue()).toBe('Ivan Petrov');
    await dialog.getByRole('textbox', { name: 'Title' }).fill(CALL);
    const tomorrow = moscowDay(1);
    await dialog.getByRole('textbox', { name: 'Date' }).fill(tomorrow);
    await dialog.getByRole('textbox', { name: 'Time' }).fill('10:30');
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Ask about the discount');
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'crm-activity-dialog-phone');
    await dialog.getByRole('button', { name: 'Plan', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await phone.getByText(`“${CALL}” planned.`).waitFor();

    const call = line(phone, CALL);
    await call.getByText(/^Due /).waitFor();
    await call.getByText('Ivan Petrov').waitFor();
    await call.getByText('Ask about the discount').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(await activitiesOf(stage.server, forklifts.id)).toMatchObject([
      {
        kind: 'call',
        title: CALL,
        dueAt: moscow(tomorrow, '10:30'),
        responsibleId: 'ivan',
        comment: 'Ask about the discount',
        doneAt: null,
      },
    ]);
  });

  it('shows it on My activities under Later, below the overdue one, each linking to its deal', async () => {
    await phone.getByRole('button', { name: 'Open the menu' }).click();
    await phone
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'My activities' })
      .click();
    await phone.getByRole('heading', { level: 1, name: 'My activities' }).waitFor();

    const overdue = phone.getByRole('region', { name: 'Overdue' });
    const late = overdue.getByRole('listitem', { name: LATE });
    await late.getByText('Overdue', { exact: true }).waitFor();
    expect(await late.getAttribute('class')).toContain('overdue');
    await late.getByRole('link', { name: 'Deal: Spare parts' }).waitFor();
    const later = phone.getByRole('region', { name: 'Later' });
    await later
      .getByRole('listitem', { name: CALL })
      .getByRole('link', { name: 'Deal: Forklifts for ACME' })
      .waitFor();
    expect(await phone.getByRole('region', { name: 'Today' }).count()).toBe(0);
    const headings = await phone.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual(['Overdue', 'Later']);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'crm-activities-phone');
  });

  it('reschedules the call from My activities', async () => {
    await phone.getByRole('button', { name: `What to do with ${CALL}` }).click();
    await phone.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = phone.getByRole('dialog', { name: `Activity “${CALL}”` });
    const later = moscowDay(3);
    await dialog.getByRole('textbox', { name: 'Date' }).fill(later);
    await dialog.getByRole('textbox', { name: 'Time' }).fill('15:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await phone.getByText(`“${CALL}” saved.`).waitFor();
    const [call] = await activitiesOf(stage.server, forklifts.id);
    expect(call?.dueAt).toBe(moscow(later, '15:00'));
  });

  it('completes the call on the deal with what came of it: it moves to the done ones', async () => {
    await phone.getByRole('link', { name: 'Deal: Forklifts for ACME' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Forklifts for ACME' }).waitFor();
    await section(phone)
      .getByRole('button', { name: `Mark “${CALL}” done` })
      .click();
    const dialog = phone.getByRole('dialog', { name: `Done: “${CALL}”` });
    await dialog.getByRole('textbox', { name: 'What came of it' }).fill('Agreed on three forklifts');
    await dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await section(phone).getByText('Nothing planned.').waitFor();
    const done = section(phone)
      .getByRole('list', { name: 'Done lately' })
      .getByRole('listitem', { name: CALL });
    await done.getByText('Agreed on three forklifts').waitFor();
    await done.getByText(/^Done /).waitFor();
    expect(await done.getByRole('button', { name: `Mark “${CALL}” done` }).count()).toBe(0);
    expect(await activitiesOf(stage.server, forklifts.id)).toMatchObject([
      { title: CALL, result: 'Agreed on three forklifts', doneAt: expect.any(String) },
    ]);

    await phone.goto('/crm/activities');
    await phone.getByRole('region', { name: 'Overdue' }).waitFor();
    expect(await line(phone, CALL).count()).toBe(0);
    await phone.getByText('Done', { exact: true }).click();
    await line(phone, CALL).getByText('Agreed on three forklifts').waitFor();
    expect(await line(phone, LATE).count()).toBe(0);
  });

  it('has an administrator put a robot on a stage that plans a call for each deal moved there', async () => {
    const admin = await stage.signIn('admin', { viewport: DESKTOP });
    await admin.goto(`/crm/robots?pipeline=${sales.id}`);
    await admin.getByRole('button', { name: 'Add a robot at In progress' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New robot' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Call the client');
    await dialog.getByRole('radio', { name: "Plan an activity for the deal's manager" }).check();
    expect(await dialog.getByRole('radio', { name: 'Call' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('textbox', { name: 'Due in' }).inputValue()).toBe('1');
    await dialog.getByRole('textbox', { name: 'Due in' }).fill('2');
    await choose(admin, 'Deadline unit', 'hours');
    const title = dialog.getByRole('textbox', { name: "Activity's title" });
    await title.fill('Call ');
    await dialog.getByRole('button', { name: '{{ deal.contact }}' }).click();
    await expect.poll(() => title.inputValue()).toBe('Call {{ deal.contact }}');
    await title.press('End');
    await title.pressSequentially(' about {{ deal.title }}');
    await screenshot(admin, 'crm-robot-activity-desktop');
    await dialog.getByRole('button', { name: 'Add the robot' }).click();
    await dialog.waitFor({ state: 'detached' });
    await column(admin, 'In progress')
      .getByRole('listitem', { name: 'Call the client' })
      .getByText('Plans a call, due in 2 hours')
      .waitFor();
    const robots = await stage.server.api<{ items: object[] }>(
      'GET',
      `/api/v1/crm/pipelines/${sales.id}/robots`,
    );
    expect(robots.items).toMatchObject([
      {
        stageId: stageNamed(sales, 'In progress').id,
        action: 'activity',
        activityKind: 'call',
        activityDue: 'PT2H',
        message: 'Call {{ deal.contact }} about {{ deal.title }}',
      },
    ]);

    await admin.goto(dealUrl(racks));
    const moved = Date.now();
    await admin.getByRole('group', { name: 'Stage' }).getByRole('button', { name: 'In progress' }).click();
    await admin
      .getByRole('group', { name: 'Stage' })
      .getByRole('button', { name: 'In progress', pressed: true })
      .waitFor();
    await expect.poll(async () => (await activitiesOf(stage.server, racks.id)).length).toBe(1);
    const [planned] = await activitiesOf(stage.server, racks.id);
    expect(planned).toMatchObject({
      kind: 'call',
      title: 'Call Pavel Orlov about Warehouse racks',
      responsibleId: 'ivan',
      robotId: expect.any(String),
    });
    const dueIn = Date.parse(planned?.dueAt ?? '') - moved;
    expect(dueIn).toBeGreaterThan(2 * HOUR - 60_000);
    expect(dueIn).toBeLessThan(2 * HOUR + 60_000);
    await admin.reload();
    await line(admin, 'Call Pavel Orlov about Warehouse racks').getByText('Ivan Petrov').waitFor();
    await admin.context().close();
  });

  it('shows a deal a role may only read without a way to change it, and refuses a move on the board', async () => {
    const auditor = await stage.signIn(stage.company.accountant, { viewport: DESKTOP });
    await auditor.goto(dealUrl(racks));
    await auditor.getByRole('heading', { level: 1, name: 'Warehouse racks' }).waitFor();
    await auditor.getByText('You can read this item but not change it.').waitFor();
    const form = auditor.getByRole('form', { name: 'Deal Warehouse racks' });
    expect(await form.getByRole('textbox', { name: 'Title' }).isDisabled()).toBe(true);
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Warehouse racks');
    expect(await auditor.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(
      await auditor.getByRole('group', { name: 'Stage' }).getByRole('button', { name: 'Won' }).isDisabled(),
    ).toBe(true);
    const call = line(auditor, 'Call Pavel Orlov about Warehouse racks');
    await call.getByText('Ivan Petrov').waitFor();
    expect(await call.getByRole('button').count()).toBe(0);
    expect(await section(auditor).getByRole('button', { name: 'Plan' }).count()).toBe(0);
    expect(
      await auditor
        .getByRole('region', { name: 'Quotes' })
        .getByRole('button', { name: 'New quote' })
        .count(),
    ).toBe(0);
    await screenshot(auditor, 'crm-deal-read-only-desktop');

    await auditor.goto(`/crm/deals?pipeline=${sales.id}`);
    await dealCard(auditor, 'Forklifts for ACME').waitFor();
    await auditor.getByRole('button', { name: 'What to do with Forklifts for ACME' }).click();
    await auditor.getByRole('menuitem', { name: 'Won' }).click();
    await auditor
      .getByText('You can read this item but not change it: your access lets you see it only.')
      .waitFor();
    await column(auditor, 'New').getByRole('article', { name: 'Forklifts for ACME' }).waitFor();
    const [deal] = (
      await stage.server.api<{ items: DealBody[] }>(
        'GET',
        `/api/v1/crm/deals?pipelineId=${sales.id}&q=Forklifts`,
      )
    ).items;
    expect(deal?.stageId).toBe(stageNamed(sales, 'New').id);

    // A company read through the grant: the same note, no delete, no contact added to it.
    await auditor.goto(`/crm/companies/${acme.id}`);
    await auditor.getByRole('heading', { level: 1, name: 'ACME Ltd' }).waitFor();
    await auditor.getByText('You can read this item but not change it.').waitFor();
    expect(await auditor.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    expect(await auditor.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await auditor.getByRole('region', { name: 'Contacts' }).waitFor();
    expect(await auditor.getByRole('button', { name: 'Add a contact' }).count()).toBe(0);
    await auditor.context().close();
  });

  it('is in Russian for a Russian reader', async () => {
    const russian = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await switchToRussian(russian);
    await russian
      .getByRole('navigation', { name: 'Главное меню' })
      .getByRole('link', { name: 'Мои дела' })
      .click();
    await russian.getByRole('heading', { level: 1, name: 'Мои дела' }).waitFor();
    const overdue = russian.getByRole('region', { name: 'Просрочено' });
    await overdue
      .getByRole('listitem', { name: LATE })
      .getByRole('link', { name: 'Сделка: Spare parts' })
      .waitFor();
    await russian
      .getByRole('region', { name: 'Сегодня' })
      .or(russian.getByRole('region', { name: 'Позже' }))
      .waitFor();

    await russian.goto(dealUrl(forklifts));
    const activities = russian.getByRole('region', { name: 'Дела' });
    await activities
      .getByRole('list', { name: 'Сделанные недавно' })
      .getByText('Agreed on three forklifts')
      .waitFor();
    await activities.getByRole('button', { name: 'Запланировать' }).click();
    const dialog = russian.getByRole('dialog', { name: 'Запланировать дело' });
    await dialog.getByRole('radio', { name: 'Встреча' }).waitFor({ state: 'attached' });
    await dialog.getByRole('combobox', { name: 'Кто делает' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Дата' }).waitFor();
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'detached' });
    await russian.context().close();
  });
});
