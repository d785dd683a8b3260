import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Skipped } from '../measure.ts';

const SCRIPT = fileURLToPath(new URL('../../packages/web/test/e2e/designer-bench.ts', import.meta.url));
const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';

/** Frame intervals while panning or zooming (designer-figures.ts). */
export interface Frames {
  frames: number;
  p50: number;
  janky: number;
}

/** The designer's figures with construction1800 (packages/web/test/e2e/designer-figures.ts). */
export interface DesignerLine {
  bench: 'construction1800';
  engine: 'baton';
  mode: 'web';
  firstOpenMs: number;
  openMs: number;
  panNear: Frames;
  zoomNear: Frames;
  panAll: Frames;
  zoomAll: Frames;
}

/**
 * Opens construction1800 in the designer in headless Debian Chromium against an in-process Baton (the
 * production build, built first if stale), in a child process; a `skipped` line when there is no
 * Chromium.
 */
export async function measureDesigner(): Promise<DesignerLine | Skipped> {
  if (!existsSync(CHROMIUM))
    return { bench: 'construction1800', mode: 'web', skipped: `no Chromium at ${CHROMIUM} (BATON_CHROMIUM)` };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT], {
    maxBuffer: 1 << 20,
    timeout: 300_000,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the designer benchmark printed no result: ${stdout.slice(0, 500)}`);
  return JSON.parse(line) as DesignerLine;
}
