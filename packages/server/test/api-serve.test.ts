import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import order from './fixtures/api/order.json' with { type: 'json' };
import { freePort } from './support/baton-process.ts';
import { baton, waitForHealth } from './support/serve-cli.ts';
import { startSmtpReceiver } from './support/smtp-receiver.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-serve-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('baton serve', () => {
  it('serves /health and the authenticated API, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const database = `sqlite:${join(dir, 'baton.db')}`;
    const { child, out, exited } = baton(['serve', '--port', String(port), '--database', database], {
      BATON_ADMIN_TOKEN: 'serve-test-token',
    });
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}/health`, child);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });

      const anonymous = await fetch(`http://127.0.0.1:${port}/api/v1/definitions`);
      expect(anonymous.status).toBe(401);
      const listed = await fetch(`http://127.0.0.1:${port}/api/v1/definitions`, {
        headers: { authorization: 'Bearer serve-test-token' },
      });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ items: [] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, out.stderr).toBe(0);
    expect(out.stdout).not.toContain('serve-test-token');
    expect(out.stdout).toContain('"msg":"stopped"');
  });

  it('sends a process’s e-mail through the SMTP server BATON_SMTP_URL names, from BATON_MAIL_FROM', async () => {
    const receiver = await startSmtpReceiver([], { user: 'baton', password: 'smtp-secret' });
    const port = await freePort();
    const { child, out, exited } = baton(
      ['serve', '--port', String(port), '--database', `sqlite:${join(dir, 'baton.db')}`],
      {
        BATON_ADMIN_TOKEN: 'serve-test-token',
        BATON_SMTP_URL: `smtp://baton:smtp-secret@127.0.0.1:${receiver.port}`,
        BATON_MAIL_FROM: 'Baton <baton@firm.example>',
      },
    );
    try {
      await waitForHealth(`http://127.0.0.1:${port}/health`, child);
      const api = (method: string, path: string, body?: unknown) =>
        fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
          method,
          headers: { authorization: 'Bearer serve-test-token', 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      expect((await api('PUT', '/definitions/order/draft', order)).status).toBe(200);
      expect((await api('POST', '/definitions/order/publish', {})).status).toBe(200);
      const started = await api('POST', '/instances', {
        definitionKey: 'order',
        params: { orderId: 'A-7', email: 'buyer@client.example' },
      });
      expect(started.status).toBe(201);

      await expect.poll(() => receiver.accepted().length, { timeout: 10_000 }).toBe(1);
      const [message] = receiver.accepted();
      expect(message?.envelopeTo).toEqual(['buyer@client.example']);
      expect(message?.user).toBe('baton');
      expect(message?.mail.subject).toBe('Order A-7');
      expect(message?.mail.from?.value[0]?.address).toBe('baton@firm.example');
    } finally {
      child.kill('SIGTERM');
      await receiver.close();
    }
    expect(await exited, out.stderr).toBe(0);
    expect(out.stdout).toContain(`"smtp":"smtp://127.0.0.1:${receiver.port}"`);
    expect(out.stdout).not.toContain('smtp-secret');
  });

  it('does not start with an SMTP server but no sender, and says which setting is missing', async () => {
    const run = baton(
      ['serve', '--port', String(await freePort()), '--database', `sqlite:${join(dir, 'baton.db')}`],
      {
        BATON_SMTP_URL: 'smtp://baton:smtp-secret@127.0.0.1:2525',
      },
    );
    expect(await run.exited).toBe(1);
    expect(run.out.stdout).toContain('BATON_MAIL_FROM must be the sender address');
    expect(run.out.stdout + run.out.stderr).not.toContain('smtp-secret');
  });

  it('does not start with a job retention that is not a whole number of days', async () => {
    const run = baton(
      ['serve', '--port', String(await freePort()), '--database', `sqlite:${join(dir, 'baton.db')}`],
      {
        BATON_JOB_RETENTION_DAYS: '0.5',
      },
    );
    expect(await run.exited).toBe(1);
    expect(run.out.stdout).toContain(
      'BATON_JOB_RETENTION_DAYS must be a whole number of days, 1 or more (got \\"0.5\\")',
    );
  });

  it('prints a generated admin token once, on the first start only', async () => {
    const database = `sqlite:${join(dir, 'baton.db')}`;
    const first = baton(['worker', '--database', database]);
    const token = await new Promise<string>((resolve, reject) => {
      first.child.stdout?.on('data', () => {
        const match = /^ {4}(\S+)$/m.exec(first.out.stdout);
        if (match?.[1]) resolve(match[1]);
      });
      first.child.on('exit', () => reject(new Error(`worker exited: ${first.out.stderr}`)));
    });
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const port = await freePort();
    const second = baton(['serve', '--port', String(port), '--database', database]);
    try {
      await waitForHealth(`http://127.0.0.1:${port}/health`, second.child);
      const listed = await fetch(`http://127.0.0.1:${port}/api/v1/jobs`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(listed.status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
    expect(second.out.stdout).not.toContain('admin token');
  });

  it('baton worker --health-port answers /health and nothing else, and stops answering on SIGTERM', async () => {
    const port = await freePort();
    const database = `sqlite:${join(dir, 'baton.db')}`;
    const worker = baton(['worker', '--database', database, '--health-port', String(port)], {
      BATON_HOST: '127.0.0.1',
      BATON_ADMIN_TOKEN: 'worker-test-token',
    });
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}/health`, worker.child);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const api = await fetch(`http://127.0.0.1:${port}/api/v1/definitions`, {
        headers: { authorization: 'Bearer worker-test-token' },
      });
      expect(api.status).toBe(404);
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited, worker.out.stderr).toBe(0);
    expect(worker.out.stdout).toContain(`"healthPort":${port}`);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it.each([
    [['worker', '--port', '3001'], 'worker: unknown option --port'],
    [['serve', '--health-port', '3001'], 'serve: unknown option --health-port'],
    [['worker', '--health-port', 'x'], 'Invalid port: x'],
  ])('baton %j is a usage error', async (args, message) => {
    const run = baton([...args, '--database', `sqlite:${join(dir, 'baton.db')}`]);
    expect(await run.exited).toBe(2);
    expect(run.out.stderr).toContain(message);
  });

  it('baton migrate brings a new database up to date, then reports it current', async () => {
    const database = `sqlite:${join(dir, 'baton.db')}`;
    const first = baton(['migrate', '--database', database]);
    expect(await first.exited).toBe(0);
    expect(first.out.stdout).toContain('applied 001-initial');
    const second = baton(['migrate', '--database', database]);
    expect(await second.exited).toBe(0);
    expect(second.out.stdout).toContain('is up to date');
  });
});
