import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/baton.js', import.meta.url));

function baton(...args: string[]): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function output(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code, stderr };
}

describe('baton CLI', () => {
  it('prints usage on stderr and exits with 2 for an unknown command', async () => {
    const { code, stderr } = await output(baton('frobnicate'));
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command: frobnicate');
    expect(stderr).toContain('Usage: baton <command>');
  });
});
