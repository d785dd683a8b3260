import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/baton.js', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

export interface BatonOptions {
  database: string;
  /** `serve` only. */
  port?: number;
  env?: Record<string, string>;
  /** Appended to by every start of this process (stdout and stderr). */
  logFile: string;
}

/**
 * One `baton serve` or `baton worker` that can be killed and started again, like a supervisor would.
 * Its output goes to a file (no pipe to drain, nothing lost when it is killed).
 */
export class BatonProcess {
  private child: ChildProcess | null = null;
  starts = 0;

  constructor(
    readonly command: 'serve' | 'worker',
    private readonly options: BatonOptions,
  ) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** How the last run ended: its exit code, or null while running or when a signal ended it. */
  get exitCode(): number | null {
    return this.child?.exitCode ?? null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts it; for `serve`, resolves once /health answers 200 (within `timeoutMs`). */
  async start(timeoutMs = 20_000): Promise<void> {
    if (this.running) throw new Error(`baton ${this.command} is already running`);
    const args = [BIN, this.command, '--database', this.options.database];
    if (this.options.port !== undefined) args.push('--port', String(this.options.port));
    const out = openSync(this.options.logFile, 'a');
    try {
      this.child = spawn(process.execPath, args, {
        stdio: ['ignore', out, out],
        env: { ...process.env, BATON_LOG_LEVEL: 'warn', BATON_HOST: '127.0.0.1', ...this.options.env },
      });
    } finally {
      closeSync(out);
    }
    this.starts++;
    this.note(`started pid ${this.child.pid}`);
    if (this.command === 'serve') await this.waitForHealth(timeoutMs);
  }

  /** SIGKILL: no shutdown hooks, no flush, locks left behind. Resolves once the process is gone. */
  kill(): Promise<void> {
    return this.signal('SIGKILL', 5_000);
  }

  /** SIGSTOP: frozen where it is (to pick the moment of a kill); `resume` lets it go on. */
  pause(): void {
    if (this.running) this.child?.kill('SIGSTOP');
  }

  resume(): void {
    if (this.running) this.child?.kill('SIGCONT');
  }

  /** SIGTERM and wait for a graceful exit (SIGKILL after `timeoutMs`). */
  async stop(timeoutMs = 10_000): Promise<void> {
    try {
      await this.signal('SIGTERM', timeoutMs);
    } catch {
      await this.kill();
    }
  }

  /** Marks what the test did in the process's log, between the lines it wrote. */
  private note(what: string): void {
    appendFileSync(this.options.logFile, `--- ${new Date().toISOString()} ${what}\n`);
  }

  /** The last lines of its output, for failure messages. */
  tail(lines = 30): string {
    try {
      return readFileSync(this.options.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  private async signal(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = once(child, 'exit');
    this.note(`${signal} pid ${child.pid}`);
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`baton ${this.command} ignored ${signal}`)), timeoutMs);
    });
    try {
      await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async waitForHealth(timeoutMs: number): Promise<void> {
    const url = `http://127.0.0.1:${this.options.port}/health`;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`baton ${this.command} exited while starting:\n${this.tail()}`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
        await response.body?.cancel();
        if (response.status === 200) return this.note('healthy');
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${this.tail()}`);
  }
}
