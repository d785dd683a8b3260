import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import {
  DESKTOP,
  fixture,
  horizontalOverflow,
  openTaskId,
  PHONE,
  publish,
  screenshot,
  startInstance,
} from './support.ts';

/** Each node's mark on the card's diagram (`data-run`: active, done, cancelled; '' when not reached). */
const marks = (page: Page) =>
  page
    .getByTestId('instance-diagram')
    .evaluate((diagram) =>
      Object.fromEntries(
        [...diagram.querySelectorAll('.react-flow__node')].map((n) => [
          n.getAttribute('data-id'),
          n.querySelector('.bn-node')?.getAttribute('data-run') ?? '',
        ]),
      ),
    );

/** The ids of the flows drawn as taken. */
const taken = (page: Page) =>
  page.getByTestId('instance-diagram').evaluate((diagram) =>
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
  let instanceId = '';
  const stage = suiteStage(async (server, company) => {
    // Stored without positions: the card lays it out as the designer does on open.
    await publish(server, fixture('vacation.json'));
    const started = await startInstance(server, {
      definitionKey: 'vacation',
      params: { firstDay: '2030-07-01', days: 5 },
      startedBy: company.employee,
    });
    instanceId = started.id;
  });

  it('highlights the open task on a phone, inside its own box, without page-wide scrolling', async () => {
    const page = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await page.goto(`/processes/${instanceId}`);
    const diagram = page.getByTestId('instance-diagram');
    await diagram.locator('.react-flow__node[data-id="approve"] .bn-node[data-run="active"]').waitFor();
    await expect
      .poll(() => marks(page))
      .toEqual({
        start: 'done',
        approve: 'active',
        decision: '',
        done: '',
        refused: '',
      });
    await expect.poll(() => taken(page)).toEqual(['f1']);

    // Fitted: every node lies inside the diagram's box, and the box inside the phone's width.
    const box = await diagram.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    for (const id of ['start', 'approve', 'done', 'refused']) {
      const node = await diagram.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
      expect(node && box && node.x >= box.x && node.x + node.width <= box.x + box.width, id).toBe(true);
    }
    await expect.poll(() => horizontalOverflow(page)).toBe(0);

    // Zooming in happens inside the box: the page still does not scroll sideways.
    const zoomIn = diagram.locator('.react-flow__controls-zoomin');
    for (let i = 0; i < 4; i++) await zoomIn.click();
    await expect.poll(() => horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'process-card-diagram-phone');
  });

  it('shows the path to the end once the task is completed', async () => {
    const taskId = await openTaskId(stage.server, instanceId);
    await stage.server.api('POST', `/api/v1/tasks/${encodeURIComponent(taskId)}/complete`, {
      outcome: 'approved',
      variables: {},
    });

    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto(`/processes/${instanceId}`);
    await page
      .getByTestId('instance-diagram')
      .locator('.react-flow__node[data-id="done"] .bn-node')
      .waitFor();
    await expect
      .poll(() => marks(page))
      .toEqual({ start: 'done', approve: 'done', decision: 'done', done: 'done', refused: '' });
    await expect.poll(() => taken(page)).toEqual(['f1', 'f2', 'f3']);
    await expect.poll(() => page.getByText('Completed', { exact: true }).first().isVisible()).toBe(true);
    await screenshot(page, 'process-card-diagram-desktop');
  });

  it('opens a large diagram on the current step at a readable size; "fit" shows all of it', async () => {
    // One task, then 16 stages of 20 parallel tasks: 354 nodes.
    const task = (id: string) => ({
      id,
      type: 'userTask',
      name: id,
      config: { kind: 'acknowledge', assignees: [`'${stage.company.employee}'`] },
    });
    const nodes: Record<string, unknown>[] = [{ id: 'start', type: 'start' }, task('first')];
    const flows: Record<string, unknown>[] = [{ id: 'f0', source: 'start', target: 'first' }];
    let previous = 'first';
    for (let level = 1; level <= 16; level++) {
      const [split, join] = [`split${level}`, `join${level}`];
      nodes.push({ id: split, type: 'parallel' }, { id: join, type: 'parallel' });
      flows.push({ id: `to${split}`, source: previous, target: split });
      for (let i = 1; i <= 20; i++) {
        const id = `s${level}t${i}`;
        nodes.push(task(id));
        flows.push(
          { id: `${split}-${id}`, source: split, target: id },
          { id: `${id}-${join}`, source: id, target: join },
        );
      }
      previous = join;
    }
    nodes.push({ id: 'end', type: 'end' });
    flows.push({ id: 'toEnd', source: previous, target: 'end' });
    await publish(stage.server, { key: 'long', name: 'A long checklist', nodes, flows });
    const { id } = await startInstance(stage.server, {
      definitionKey: 'long',
      startedBy: stage.company.employee,
    });

    const page = await stage.signIn(stage.company.employee, { viewport: DESKTOP });
    await page.goto(`/processes/${id}`);
    const diagram = page.getByTestId('instance-diagram');
    const current = diagram.locator('.react-flow__node[data-id="first"]');
    await current.locator('.bn-node[data-run="active"]').waitFor();
    const box = await diagram.boundingBox();
    const inside = (b: { x: number; width: number } | null) =>
      b !== null && box !== null && b.x >= box.x && b.x + b.width <= box.x + box.width;
    const opened = await current.boundingBox();
    expect(inside(opened)).toBe(true);
    expect(opened?.width).toBeGreaterThan(100);
    await expect.poll(() => diagram.locator('.react-flow__node[data-id="end"]').count()).toBe(0);

    await diagram.locator('.react-flow__controls-fitview').click();
    const last = diagram.locator('.react-flow__node[data-id="end"]');
    await last.waitFor();
    await expect.poll(async () => inside(await last.boundingBox())).toBe(true);
  });
});
