import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  fanOut,
  fixture,
  horizontalOverflow,
  openTaskId,
  PHONE,
  publish,
  screenshot,
  startInstance,
} from './support.ts';

/** The owner reads where the vacation process loses time, on a phone and as CSV for a BI tool. */
describe('the process report', () => {
  let firstId = '';
  const stage = suiteStage(async (server, company) => {
    await publish(server, fixture('vacation.json'));
    // A template everyone may start and no one but administrators sees every run of.
    await publish(server, fixture('monthly-report.json'));
    const start = (firstDay: string) =>
      startInstance(server, {
        definitionKey: 'vacation',
        params: { firstDay, days: 5 },
        startedBy: company.employee,
      });
    const first = await start('2026-08-03');
    firstId = first.id;
    await start('2026-09-14');
    const taskId = await openTaskId(server, first.id);
    await server.api('POST', `/api/v1/tasks/${encodeURIComponent(taskId)}/complete`, {
      outcome: 'approved',
      variables: {},
      actor: company.head,
    });
  });

  it('shows the time per step and per department on a phone', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await page.goto('/reports?process=vacation');
    await page.getByRole('heading', { level: 1, name: 'Process report' }).waitFor();
    const steps = page.getByRole('list', { name: 'Time per step' });
    const approve = steps.getByRole('listitem').filter({ hasText: 'Head approves' });
    await approve.waitFor();
    await approve.getByText('1 answered', { exact: false }).waitFor();
    await approve.getByText('1 waiting, the oldest', { exact: false }).waitFor();
    const waiting = approve.getByRole('list', { name: 'Waiting longest' }).getByRole('link');
    await expect.poll(() => waiting.textContent()).toMatch(/^Olga Smirnova, since /);
    const departments = page.getByRole('list', { name: 'Time per department' });
    await departments.getByRole('listitem').filter({ hasText: 'Sales' }).getByText('1 person').waitFor();
    const people = page.getByRole('list', { name: 'Time per person' });
    await people
      .getByRole('listitem')
      .filter({ hasText: 'Olga Smirnova' })
      .getByText('1 answered', { exact: false })
      .waitFor();
    const runs = page.getByRole('region', { name: 'Runs' });
    await expect.poll(() => runs.textContent()).toMatch(/Started2Completed1Running1/);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'report-phone', { fullPage: true });

    // In working hours: the same report, measured by the company's calendar.
    const working = page.waitForResponse((r) => r.url().includes('time=working') && r.ok());
    await page.getByText('Working hours').click();
    await working;
    await approve.getByText('1 answered', { exact: false }).waitFor();

    // The waiting task leads to its process card.
    await waiting.click();
    await page.getByRole('heading', { level: 1, name: 'Vacation request' }).waitFor();
  });

  it("is in the menu of a head given the template's view right, with that template only", async () => {
    await stage.server.api('PUT', '/api/v1/definitions/vacation/rights', {
      start: ['everyone'],
      view: [`user:${stage.company.head}`],
      edit: [],
    });
    const page = await stage.signIn(stage.company.head, { viewport: DESKTOP });
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Process reports' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Process report' }).waitFor();
    await page.getByRole('list', { name: 'Time per step' }).getByText('Head approves').waitFor();
    await page.getByLabel('Process', { exact: true }).first().click();
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Vacation request']);
  });

  it("is a template's menu item away, and downloads the tasks as CSV", async () => {
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await page.goto('/designer');
    await page.getByRole('button', { name: 'Actions for Vacation request' }).click();
    await page.getByRole('menuitem', { name: 'Process report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Process report' }).waitFor();
    expect(new URL(page.url()).search).toBe('?process=vacation');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tasks as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('vacation-tasks.csv');
    const lines = (await readFile(await file.path(), 'utf8')).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/,approve,Head approves,completed,.*,olga,Sales,/);
    expect(lines[2]).toMatch(/,approve,Head approves,open,/);

    // A process card leads those who see all work to its template's report.
    await page.goto(`/processes/${firstId}`);
    await page.getByRole('link', { name: 'How this process does: its report' }).click();
    await page.getByRole('list', { name: 'Time per step' }).getByText('Head approves').waitFor();
  });
});

/** A template of 40 parallel review steps, each answered once. */
describe('the process report of a wide template', () => {
  const STEPS = 40;
  const stage = suiteStage(async (server, company) => {
    await publish(server, fanOut(STEPS));
    const { id } = await startInstance(server, { definitionKey: 'inspection', startedBy: company.employee });
    const open = await server.api<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/tasks?instanceId=${id}&status=open&limit=200`,
    );
    for (const task of open.items)
      await server.api('POST', `/api/v1/tasks/${encodeURIComponent(task.id)}/complete`, { variables: {} });
  });

  it('shows 30 steps at first and the rest on request', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await page.goto('/reports?process=inspection');
    const steps = page.getByRole('list', { name: 'Time per step' }).getByRole('listitem');
    await steps.first().waitFor();
    expect(await steps.count()).toBe(30);
    await page
      .locator('section[aria-labelledby="report-steps"]')
      .getByRole('button', { name: 'Show more' })
      .click();
    await expect.poll(() => steps.count()).toBe(STEPS);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
