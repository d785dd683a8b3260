/** The web app the browser tests load: built once into dist/ when its sources changed. */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(WEB_ROOT, 'dist');

/** Generous hook timeout for suites that may build the app and launch a browser. */
export const SETUP_TIMEOUT = 240_000;

const SOURCES = ['src', 'index.html', 'vite.config.ts', 'postcss.config.cjs', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether dist/ is missing or older than any source of the app. */
export function webBuildIsStale(): boolean {
  const manifest = join(DIST, '.vite/manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.some((s) => existsSync(join(WEB_ROOT, s)) && newestMtime(join(WEB_ROOT, s)) > built);
}

const LOCK = join(tmpdir(), `baton-web-build-${Buffer.from(WEB_ROOT).toString('hex').slice(-24)}.lock`);

/**
 * Builds the web app when dist/ is stale. Test files run in parallel: one builds (holding a lock
 * directory), the others wait for it and then find dist/ fresh.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (!webBuildIsStale()) return;
  const deadline = Date.now() + SETUP_TIMEOUT;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than five minutes belongs to a build that died.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 300_000) rmSync(LOCK, { force: true, recursive: true });
      if (Date.now() > deadline) throw new Error(`waited too long for another build (${LOCK})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!webBuildIsStale()) return;
    buildInto(DIST);
  } finally {
    rmSync(LOCK, { force: true, recursive: true });
  }
}

/**
 * Builds into a fresh folder beside dist/ and swaps it in, keeping the old hashed assets: a server of
 * another test run may be serving dist/ right now, and a page it served earlier may still load a lazy
 * chunk by its old name. Vite's own build would empty dist/ first and answer 404s meanwhile.
 */
function buildInto(dist: string): void {
  const fresh = `${dist}.${process.pid}.new`;
  rmSync(fresh, { recursive: true, force: true });
  const vite = join(WEB_ROOT, '../../node_modules/.bin/vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const args = ['build', '--logLevel', 'warn', '--outDir', fresh, '--emptyOutDir'];
  const result = spawnSync(vite, args, { cwd: WEB_ROOT, encoding: 'utf8', env });
  if (result.status !== 0) {
    rmSync(fresh, { recursive: true, force: true });
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
  // Old assets are kept for an hour (their times preserved), long enough for any test run.
  const oldAssets = join(dist, 'assets');
  const keepSince = Date.now() - 3_600_000;
  if (existsSync(oldAssets))
    for (const file of readdirSync(oldAssets)) {
      const from = join(oldAssets, file);
      const to = join(fresh, 'assets', file);
      const stat = statSync(from);
      if (existsSync(to) || stat.mtimeMs < keepSince) continue;
      copyFileSync(from, to);
      utimesSync(to, stat.atime, stat.mtime);
    }
  const old = `${dist}.${process.pid}.old`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(fresh, dist);
  rmSync(old, { recursive: true, force: true });
}
