import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { ROOT } from '../fixtures/cli.ts';

/** `node packages/server/bin/baton.js ARGS` from the repository root, collecting its output. */
export function baton(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['packages/server/bin/baton.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, BATON_ADMIN_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => {
    out.stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out.stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, out, exited };
}

export async function waitForHealth(url: string, child: ChildProcess): Promise<Response> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`baton exited early with code ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer`);
}
