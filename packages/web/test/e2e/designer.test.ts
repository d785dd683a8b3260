import { exportBpmn } from '@baton/engine';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { DESKTOP, fixture, horizontalOverflow, PHONE, screenshot, type TestServer } from './support.ts';

const KEY = 'vacation-request';

/** Drags a palette block onto the canvas at (x, y) relative to the canvas; returns the new node's id. */
async function drop(page: Page, type: string, x: number, y: number): Promise<string> {
  const before = await nodeIds(page);
  await page
    .getByTestId(`palette-${type}`)
    .dragTo(page.getByTestId('designer-canvas'), { targetPosition: { x, y } });
  const after = await nodeIds(page);
  const added = after.filter((id) => !before.includes(id));
  expect(added).toHaveLength(1);
  return added[0] as string;
}

const nodeIds = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Draws a flow by dragging from one node's source handle to another's target handle. */
async function connect(page: Page, from: string, to: string) {
  const count = await page.locator('.react-flow__edge').count();
  const source = await box(node(page, from).locator('.react-flow__handle.source'));
  const target = await box(node(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(source.x, source.y);
  await page.mouse.down();
  await page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 6 });
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await page.screenshot({ path: `/tmp/dz/conn-${from}-${to}.png` });
  await page.mouse.up();
  try {
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(count + 1);
  } catch (e) {
    await page.screenshot({ path: '/tmp/dz/fail.png' });
    throw e;
  }
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Selects a node and names it in the property panel. */
async function name(page: Page, id: string, text: string) {
  await node(page, id).click();
  await page.getByTestId('node-name').fill(text);
  await page.getByTestId('node-name').blur();
}

/** The id of the flow between two nodes, read from React Flow's edge elements. */
async function flowBetween(page: Page, source: string, target: string): Promise<string> {
  return page.evaluate(
    ([s, t]) => {
      for (const el of document.querySelectorAll('.react-flow__edge')) {
        const label = el.getAttribute('aria-label') ?? '';
        if (label.includes(`from ${s} to ${t}`)) return el.getAttribute('data-id') ?? '';
      }
      return '';
    },
    [source, target],
  );
}

/**
 * Who the test run's tasks go to: admin (drawing here) reports to olga, who is on vacation this week with
 * ivan deputising; anna holds the role Accountant.
 */
async function organisation(server: TestServer): Promise<void> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await server.api('PATCH', '/api/v1/users/admin', { managerId: 'olga' });
  await server.api('POST', '/api/v1/roles', { name: 'Accountant', title: 'Accountant' });
  await server.api('PATCH', '/api/v1/users/anna', { roles: [{ role: 'Accountant' }] });
  await server.api('POST', '/api/v1/absences', {
    userId: 'olga',
    from: day(-1),
    to: day(7),
    kind: 'vacation',
    deputyId: 'ivan',
  });
}

describe('the process designer in the browser', () => {
  const stage = suiteStage(organisation);

  it('an administrator draws the vacation process by drag and drop, test-runs it and publishes it', async () => {
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await page.goto('/designer');
    await page.getByRole('heading', { level: 1, name: 'Process templates' }).waitFor();

    // A new template: name → key suggested from it; the designer opens on a start event.
    await page.getByTestId('templates-create').click();
    await page.getByTestId('new-name').fill('Vacation request');
    await expect.poll(() => page.getByTestId('new-key').inputValue()).toBe(KEY);
    await page.getByTestId('new-create').click();
    await page.waitForURL(`**/designer/${KEY}`);
    await page.getByTestId('designer-title').getByText('Vacation request').waitFor();
    await expect.poll(() => nodeIds(page)).toEqual(['start']);

    // Blocks from the palette, dropped where they go (the start event sits at 80,160).
    // Handles stay 50 px clear of the canvas edges, where dragging a connection pans the view.
    const approve = await drop(page, 'userTask', 230, 180);
    await name(page, approve, 'Head approves');
    const decision = await drop(page, 'exclusive', 350, 180);
    const split = await drop(page, 'parallel', 430, 180);
    const accounting = await drop(page, 'userTask', 520, 100);
    await name(page, accounting, 'Accounting pays');
    const hr = await drop(page, 'userTask', 520, 260);
    await name(page, hr, 'HR registers');
    const join = await drop(page, 'parallel', 470, 400);
    const done = await drop(page, 'end', 560, 400);
    const refused = await drop(page, 'end', 350, 320);
    await name(page, refused, 'Refused');

    // Flows, drawn from handle to handle.
    await connect(page, 'start', approve);
    await connect(page, approve, decision);
    await connect(page, decision, split);
    await connect(page, decision, refused);
    await connect(page, split, accounting);
    await connect(page, split, hr);
    await connect(page, accounting, join);
    await connect(page, hr, join);
    await connect(page, join, done);

    // The head of whoever starts it approves.
    await node(page, approve).click();
    await page.getByTestId('assignee-menu').click();
    await page.getByTestId('assignee-kind-headOfStarter').click();
    await expect.poll(() => page.getByTestId('assignee').textContent()).toBe('Head of the starter');
    // Its outcomes (under "More settings"): Add puts one, its trash button takes it away again.
    await page.getByText('More settings').click();
    await page.getByTestId('field-outcomes-add').click();
    await expect.poll(() => page.getByTestId('field-outcomes-row').count()).toBe(1);
    await page.getByTestId('field-outcomes-row').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByTestId('field-outcomes-row').count()).toBe(0);
    await page.getByText('More settings').click();

    // Accounting and HR acknowledge, by role.
    for (const [id, role] of [
      [accounting, 'Accountant'],
      [hr, 'HR'],
    ] as const) {
      await node(page, id).click();
      await page.getByTestId('node-role').fill(role);
      await page.getByTestId('field-kind').click();
      await page.getByRole('option', { name: 'Acknowledge' }).click();
    }

    // The condition on the approve outcome, with the builder: "approved is yes".
    const toSplit = await flowBetween(page, decision, split);
    await page.locator(`.react-flow__edge[data-id="${toSplit}"]`).click({ force: true });
    await page.getByTestId('flow-panel').waitFor();
    await page.getByTestId('condition-add-rule').click();
    await page.getByTestId('condition-field').fill('approved');
    await page.getByTestId('condition-operator').click();
    await page.getByRole('option', { name: 'is yes' }).click();
    await expect.poll(() => page.getByTestId('flow-cel').textContent()).toBe('approved');
    // A second rule, removed by its trash button: the condition is as it was.
    await page.getByTestId('condition-add-rule').click();
    await expect.poll(() => page.getByTestId('condition-rule').count()).toBe(2);
    await page.getByTestId('condition-rule').nth(1).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByTestId('condition-rule').count()).toBe(1);
    await expect.poll(() => page.getByTestId('flow-cel').textContent()).toBe('approved');
    // The same condition as CEL: a misspelt name is flagged by compiling; autocomplete offers the right one.
    await page.getByText('Expression', { exact: true }).click();
    await page.getByTestId('flow-condition').fill('aproved');
    await page.getByTestId('flow-panel').getByText("Unknown name 'aproved'", { exact: false }).waitFor();
    await page.getByTestId('flow-condition').fill('appr');
    await page.getByRole('option', { name: /^approved/ }).click();
    await expect.poll(() => page.getByTestId('flow-condition').inputValue()).toBe('approved');
    await page
      .getByTestId('flow-panel')
      .getByText("Unknown name 'aproved'", { exact: false })
      .waitFor({ state: 'detached' });

    // The other way is the default: from the flow's context menu (the same action as everywhere).
    const toRefused = await flowBetween(page, decision, refused);
    await page.locator(`.react-flow__edge[data-id="${toRefused}"]`).click({ button: 'right', force: true });
    await page.getByTestId('context-menu').getByText('Make default flow').click();
    await expect.poll(() => page.getByTestId('flow-default').isChecked()).toBe(true);

    // Keyboard: Delete removes the selected step, Ctrl+Z brings it back; Ctrl+C / Ctrl+V copy it.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await node(page, hr).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node(page, hr).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await node(page, hr).waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(9);
    await node(page, hr).click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeIds(page).then((ids) => ids.length)).toBe(10);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeIds(page).then((ids) => ids.length)).toBe(9);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodeIds(page).then((ids) => ids.length)).toBe(10);
    await page.keyboard.press('Control+z');

    // Search a step by name: it is highlighted, Enter selects it.
    await page.getByTestId('search').fill('accounting');
    await expect
      .poll(() => node(page, accounting).locator('.bn-node').getAttribute('data-found'))
      .toBe('true');
    await page.getByTestId('search').press('Enter');
    await page.getByTestId('node-name').waitFor();
    await expect.poll(() => page.getByTestId('node-name').inputValue()).toBe('Accounting pays');
    await page.getByTestId('search').fill('');

    // Validation by the engine: nothing left to fix. Then ELK tidies the drawing (one undoable step).
    await page.getByTestId('problems-none').waitFor();
    await page.getByTestId('action-layout').click();
    await expect
      .poll(() =>
        node(page, done)
          .boundingBox()
          .then((b) => b?.x ?? 0),
      )
      .toBeGreaterThan((await node(page, join).boundingBox())?.x ?? 0);

    // Test run with the real engine: approve → both parallel tasks → completed, the path lit. Tasks go
    // to people as the server would give them: the head of the starter (admin) is olga, away, so ivan.
    await page.getByTestId('action-testRun').click();
    await page.getByTestId('run-people').waitFor();
    await page.getByTestId('run-start').click();
    await expect.poll(() => page.getByTestId('run-task').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('run-assignees').textContent())
      .toBe('Ivan Petrov (for Olga Smirnova: on vacation)');
    await expect.poll(() => node(page, approve).locator('.bn-node').getAttribute('data-run')).toBe('active');
    await page.getByTestId('run-task').getByTestId('run-outcome-approved').click();
    await expect.poll(() => page.getByTestId('run-task').count()).toBe(2);
    await expect.poll(() => node(page, approve).locator('.bn-node').getAttribute('data-run')).toBe('done');
    const accountingTask = page.locator(`[data-testid="run-task"][data-node="${accounting}"]`);
    await expect
      .poll(() => accountingTask.getByTestId('run-assignees').textContent())
      .toBe('Anna Kuznetsova');
    await page.getByTestId('run-task').first().getByTestId('run-outcome-acknowledged').click();
    await page.getByTestId('run-task').first().getByTestId('run-outcome-acknowledged').click();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status')).toBe('completed');
    await expect.poll(() => node(page, done).locator('.bn-node').getAttribute('data-run')).toBe('done');
    await expect.poll(() => node(page, refused).locator('.bn-node').getAttribute('data-run')).toBeNull();
    await node(page, approve).click();
    await page.getByTestId('palette').evaluate((el) => el.closest('aside')?.scrollTo(0, 0));
    await screenshot(page, 'designer-desktop');

    // Publish: version 1.
    await page.getByTestId('action-publish').click();
    await page.getByTestId('status').getByText('Published v1').waitFor();
    const stored = await stage.server.api<{
      version: number;
      status: string;
      definition: { nodes: unknown[] };
    }>('GET', `/api/v1/definitions/${KEY}`);
    expect(stored.version).toBe(1);
    expect(stored.status).toBe('published');
    expect(stored.definition.nodes).toHaveLength(9);
  }, 180_000);

  it('keeps versions: a second publish is version 2, version 1 opens read-only', async () => {
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await page.goto(`/designer/${KEY}`);
    await page.getByTestId('status').getByText('Published v1').waitFor();
    // A start parameter: Add puts a row with a free id, its trash button takes it away again.
    await page.getByTestId('parameters-add').click();
    await expect.poll(() => page.getByTestId('parameters-id').inputValue()).toBe('parameter');
    await page.getByTestId('parameters-row').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByTestId('parameters-row').count()).toBe(0);
    // Rename the template in its settings (nothing selected), save a draft, publish it.
    await page.getByTestId('settings-name').fill('Vacation request (2026)');
    await page.getByTestId('action-save').click();
    await page.getByTestId('status').getByText('Draft v2').waitFor();
    await page.getByTestId('action-publish').click();
    await page.getByTestId('status').getByText('Published v2').waitFor();

    await page.getByTestId('toolbar-more').click();
    await page.getByTestId('version-1').click();
    await page.getByTestId('status').getByText('Version 1, read-only').waitFor();
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe('Vacation request');
    await expect.poll(() => page.getByTestId('palette').count()).toBe(0);
    await expect.poll(() => page.getByTestId('action-publish').isDisabled()).toBe(true);
    // Its settings are shown, but without the buttons that add or remove a parameter.
    await page.getByTestId('settings-name').waitFor();
    await expect.poll(() => page.getByTestId('parameters-add').count()).toBe(0);
    // Nor a step's list of outcomes.
    await page.locator('.react-flow__node', { hasText: 'Head approves' }).click();
    await page.getByText('More settings').click();
    await page.getByText('Outcomes', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('field-outcomes-add').count()).toBe(0);
    // Export works on any version: the JSON of what is shown.
    const download = page.waitForEvent('download');
    await page.getByTestId('toolbar-more').click();
    await page.getByTestId('export-json').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${KEY}.json`);
  }, 120_000);

  it('lists templates: import BPMN and JSON, search, duplicate, delete with confirmation', async () => {
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await page.goto('/designer');
    const rows = page.getByTestId('template-row');
    await rows.first().waitFor();
    const before = await rows.count();

    // BPMN 2.0 (what other modelers write) and Baton JSON.
    const purchase = fixture<Parameters<typeof exportBpmn>[0]>('purchase.json');
    const xml = await exportBpmn({ ...purchase, key: 'purchase-bpmn' });
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'purchase.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.waitForURL('**/designer/purchase-bpmn');
    await page.getByTestId('designer-title').waitFor();
    await page.goto('/designer');
    await page.locator('input[type=file]').setInputFiles({
      name: 'purchase.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...purchase, key: 'purchase-json' })),
    });
    await page.waitForURL('**/designer/purchase-json');
    await page.goto('/designer');
    await expect.poll(() => rows.count()).toBe(before + 2);

    await page.getByTestId('templates-search').fill('purchase-b');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('templates-search').fill('');

    const row = page.locator(`[data-testid="template-row"][data-key="${KEY}"]`);
    await row.getByTestId('template-menu').click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect.poll(() => page.getByTestId('new-key').inputValue()).toBe('vacation-request-2026-copy');
    await page.getByTestId('new-create').click();
    await expect.poll(() => rows.count()).toBe(before + 3);
    await screenshot(page, 'designer-templates');

    // Delete asks first, then the row goes and the server no longer has the template.
    const copy = page.locator('[data-testid="template-row"][data-key="vacation-request-2026-copy"]');
    await copy.getByTestId('template-menu').click();
    await page.getByTestId('template-delete').click();
    await page
      .getByText('“Vacation request (2026) (copy)” and all its versions will be deleted.', { exact: false })
      .waitFor();
    await page.getByTestId('template-delete-confirm').click();
    await expect.poll(() => copy.count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(before + 2);
    await stage.server.api('GET', '/api/v1/definitions/vacation-request-2026-copy', undefined, 404);
  }, 120_000);

  it('/designer/new asks for a name, suggests a key, and the first save stores the template', async () => {
    const page = await stage.signIn('admin', { viewport: DESKTOP });
    await page.goto('/designer/new');
    await page.getByTestId('new-name').fill('Заявка на отпуск');
    await expect.poll(() => page.getByTestId('new-key').inputValue()).toBe('zayavka-na-otpusk');
    await page.getByTestId('new-create').click();
    // A click on the palette with a step selected adds the block after it, connected.
    await node(page, 'start').click();
    await page.getByTestId('palette-userTask').click();
    await page.getByTestId('palette-end').click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.getByTestId('action-save').click();
    await page.waitForURL('**/designer/zayavka-na-otpusk');
    await page.getByTestId('status').getByText('Draft v1').waitFor();
    await expect.poll(() => nodeIds(page).then((ids) => ids.length)).toBe(3);
    const stored = await stage.server.api<{ definition: { nodes: unknown[]; flows: unknown[] } }>(
      'GET',
      '/api/v1/definitions/zayavka-na-otpusk?version=draft',
    );
    expect([stored.definition.nodes.length, stored.definition.flows.length]).toEqual([3, 2]);
  }, 60_000);

  it('opens the published process on a phone: canvas to pan and zoom, properties in a drawer', async () => {
    const page = await stage.signIn('admin', { viewport: PHONE });
    await page.goto(`/designer/${KEY}`);
    await page.getByTestId('designer-title').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'designer-phone');
    await page.locator('.react-flow__node').nth(1).click();
    await page.getByTestId('node-panel').waitFor();
    await screenshot(page, 'designer-phone-properties');
  }, 60_000);
});
