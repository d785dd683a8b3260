import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from './support/baton-process.ts';
import { FakeErp } from './support/fake-erp.ts';
import { oneStep } from './support/processes.ts';
import { baton, waitForHealth } from './support/serve-cli.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-plugins-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

type Api = ReturnType<typeof apiOf>;

/** The API of a `baton serve` on `port`, with its admin token: the status and the JSON answered. */
const apiOf =
  (port: number) =>
  async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      method,
      headers: { authorization: 'Bearer serve-test-token', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

const invoicing = oneStep(
  'invoicing',
  {
    id: 'invoice',
    type: 'erp.createInvoice',
    config: { input: { client: 'client', amount: '99.5' }, output: { number: 'invoiceNo' } },
  },
  {
    parameters: [{ id: 'client', type: 'string', required: true }],
    variables: [{ id: 'invoiceNo', type: 'string' }],
  },
);

describe('baton serve with BATON_PLUGINS', () => {
  it('loads a TypeScript plugin and its worker runs the activity for a process', async () => {
    const erp = new FakeErp();
    const port = await freePort();
    const { child, out, exited } = baton(
      ['serve', '--port', String(port), '--database', `sqlite:${join(dir, 'baton.db')}`],
      {
        BATON_ADMIN_TOKEN: 'serve-test-token',
        BATON_PLUGINS: 'examples/plugins/erp-invoice.ts',
        ERP_URL: await erp.listen(),
        ERP_TOKEN: 'erp-secret',
      },
    );
    try {
      await waitForHealth(`http://127.0.0.1:${port}/health`, child);
      const api = apiOf(port);
      expect((await api('GET', '/activities')).json.items).toEqual([
        expect.objectContaining({ type: 'erp.createInvoice' }),
      ]);
      expect((await api('PUT', '/definitions/invoicing/draft', invoicing)).status).toBe(200);
      expect((await api('POST', '/definitions/invoicing/publish', {})).status).toBe(200);
      const started = await api('POST', '/instances', {
        definitionKey: 'invoicing',
        params: { client: 'Stroy' },
      });
      expect(started.status).toBe(201);
      await expect
        .poll(async () => (await api('GET', `/instances/${started.json.id}`)).json.status, {
          timeout: 10_000,
        })
        .toBe('completed');
      expect((await api('GET', `/instances/${started.json.id}`)).json.variables).toEqual({
        client: 'Stroy',
        invoiceNo: 'INV-1',
      });
      expect(erp.calls.map((c) => c.body)).toEqual([{ client: 'Stroy', amount: 99.5 }]);
    } finally {
      child.kill('SIGTERM');
      erp.close();
    }
    expect(await exited, out.stderr).toBe(0);
    expect(out.stdout).toContain('"activities":["erp.createInvoice"]');
  });

  it('refuses to start a template whose plugin this server lacks, saying which one to load', async () => {
    const database = `sqlite:${join(dir, 'baton.db')}`;
    const serve = async (env: Record<string, string>, work: (api: Api) => Promise<void>) => {
      const port = await freePort();
      const run = baton(['serve', '--port', String(port), '--database', database], {
        BATON_ADMIN_TOKEN: 'serve-test-token',
        ...env,
      });
      try {
        await waitForHealth(`http://127.0.0.1:${port}/health`, run.child);
        await work(apiOf(port));
      } finally {
        run.child.kill('SIGTERM');
      }
      expect(await run.exited, run.out.stderr).toBe(0);
    };
    await serve({ BATON_PLUGINS: 'examples/plugins/erp-invoice.ts' }, async (api) => {
      expect((await api('PUT', '/definitions/invoicing/draft', invoicing)).status).toBe(200);
      expect((await api('POST', '/definitions/invoicing/publish', {})).status).toBe(200);
    });
    await serve({}, async (api) => {
      const refused = await api('POST', '/instances', {
        definitionKey: 'invoicing',
        params: { client: 'Stroy' },
      });
      expect(refused.status).toBe(409);
      expect(refused.json).toMatchObject({ code: 'DEFINITION_UNAVAILABLE' });
      expect(refused.json.detail).toContain('unknown node type "erp.createInvoice"');
      expect(refused.json.detail).toContain('BATON_PLUGINS');
    });
  });

  it.each([
    ['packages/server/test/fixtures/plugins/unnamespaced.ts', 'activities[0].type must be \\"vendor.name\\"'],
    ['plugins/missing.ts', 'plugins/missing.ts: cannot be loaded'],
  ])('does not start with the plugin %s, and names what is wrong', async (plugin, message) => {
    const run = baton(
      ['serve', '--port', String(await freePort()), '--database', `sqlite:${join(dir, 'baton.db')}`],
      { BATON_PLUGINS: plugin },
    );
    expect(await run.exited).toBe(1);
    expect(run.out.stdout).toContain(message);
  });
});
