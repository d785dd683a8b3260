/**
 * What the designer does with the 1,800-task template, measured in the page: the browser test checks
 * what it renders, `npm run bench -- --mode web` (designer-bench.ts) judges how fast.
 */
import type { Page } from 'playwright-core';
import { PROCESSES } from '../../../../bench/processes.ts';
import { runCommand } from '../../src/designer/model/commands.ts';
import { toDoc } from '../../src/designer/model/doc.ts';
import { quickLayout } from '../../src/designer/model/layout.ts';
import { login, type TestServer } from './support.ts';

export interface Frames {
  frames: number;
  fps: number;
  p50: number;
  p95: number;
  longest: number;
  /** Frames over 50 ms: what a person sees as a stutter. */
  janky: number;
}

export interface DesignerFigures {
  /** From navigation to nodes on the canvas and the engine's check done, in a new page / a reload. */
  firstOpenMs: number;
  openMs: number;
  /** Nodes in the DOM at the zoom it opens at, and after "zoom to fit". */
  renderedNodes: number;
  renderedAtFit: number;
  panNear: Frames;
  zoomNear: Frames;
  panAll: Frames;
  zoomAll: Frames;
}

/** Stores the template as the designer does after its first save: with positions. */
export async function seedConstruction(server: TestServer): Promise<void> {
  const raw = toDoc(PROCESSES.construction1800?.().baton ?? { key: 'x', name: 'x', nodes: [] });
  const laid = runCommand(raw, { do: 'layout', moves: quickLayout(raw) }).doc;
  await server.api('PUT', '/api/v1/definitions/construction1800/draft', {
    ...laid,
    name: 'New house (1,800 tasks)',
  });
}

/** Opens the seeded template as the administrator, twice, then pans and zooms near and at "fit". */
export async function measureDesigner(page: Page): Promise<DesignerFigures> {
  await login(page, 'admin');
  const open = async () => {
    await page.goto('/designer/construction1800');
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('problems-none').waitFor();
    return page.evaluate(() => Math.round(performance.now()));
  };
  const firstOpenMs = await open();
  const openMs = await open();
  const renderedNodes = await page.locator('.react-flow__node').count();
  // Pan and zoom where a person works (a few dozen nodes on screen) …
  const panNear = await frames(page, () => pan(page));
  const zoomNear = await frames(page, () => zoom(page));
  // … and with all 1,800 tasks on screen (zoom to fit).
  await page.getByTestId('action-fit').click();
  await page.waitForTimeout(500);
  const renderedAtFit = await page.locator('.react-flow__node').count();
  const panAll = await frames(page, () => pan(page));
  const zoomAll = await frames(page, () => zoom(page));
  return { firstOpenMs, openMs, renderedNodes, renderedAtFit, panNear, zoomNear, panAll, zoomAll };
}

/** Records frame intervals in the page while `interact` runs. */
async function frames(page: Page, interact: () => Promise<void>): Promise<Frames> {
  // As text: run by tsx (the bench), a function here would carry esbuild's `__name` helper into the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await interact();
  const times = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  // Two callbacks can share a frame's timestamp: count frames, not callbacks.
  const unique = times.filter((t, i) => i === 0 || t !== times[i - 1]);
  const gaps = unique.slice(1).map((t, i) => t - (unique[i] as number));
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const span = (unique.at(-1) ?? 0) - (unique[0] ?? 0);
  return {
    frames: gaps.length,
    fps: Math.round((gaps.length / span) * 1000 * 10) / 10,
    p50: Math.round(at(0.5) * 10) / 10,
    p95: Math.round(at(0.95) * 10) / 10,
    longest: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
    janky: gaps.filter((g) => g > 50).length,
  };
}

async function pan(page: Page) {
  const canvas = await page.getByTestId('designer-canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const y = canvas.y + canvas.height / 2;
  for (let i = 0; i < 3; i++) {
    await page.mouse.move(canvas.x + canvas.width * 0.8, y);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width * 0.2, y + 40, { steps: 40 });
    await page.mouse.up();
  }
}

async function zoom(page: Page) {
  const canvas = await page.getByTestId('designer-canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, i < 6 ? 120 : -120);
    await page.waitForTimeout(30);
  }
}
