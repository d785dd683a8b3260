import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../packages/server/bin/baton.js', import.meta.url));
/** Node's flags as `npm start` gives them (docs/CLI.md says why). */
export const NODE_FLAGS = ['--max-semi-space-size=64'];
const TOKEN = 'bench-admin-token';

/** A `baton serve` child process listening on loopback. */
export interface BatonServer {
  readonly url: string;
  /** The `authorization` header for the admin token. */
  readonly headers: Record<string, string>;
  /** Peak RSS of the server process (MiB). */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts the real server as `npm start` does — `baton serve` with its defaults (job worker, request
 * logging at info, here to /dev/null) — on a free port, and waits for `GET /health`.
 */
export async function startServer(databaseUrl: string): Promise<BatonServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, BIN, 'serve', '--port', String(port), '--database', databaseUrl],
    {
      env: { ...process.env, BATON_ADMIN_TOKEN: TOKEN, BATON_HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => stderr);
  return {
    url,
    headers: { authorization: `Bearer ${TOKEN}` },
    rssMb: () => peakRssMb(child.pid as number),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`baton serve exited with ${child.exitCode}: ${stderr()}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`baton serve did not answer /health within 30 s: ${stderr()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** VmHWM from /proc (Linux); 0 where there is none. */
function peakRssMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}
