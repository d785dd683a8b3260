import { afterAll, beforeAll, expect, it } from 'vitest';
import erpPlugin from '../../../examples/plugins/erp-invoice.ts';
import { finishJob } from '../src/jobs/queue.ts';
import type { ServiceContext } from '../src/plugins/plugin.ts';
import { Services } from '../src/plugins/registry.ts';
import { serviceHandler } from '../src/plugins/service-job.ts';
import { type Api, apiSuite } from './api-harness.ts';
import { FakeErp } from './support/fake-erp.ts';
import { jobOf } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { signIn } from './support/people.ts';
import { oneStep } from './support/processes.ts';
import { upload } from './support/uploads.ts';

const erp = new FakeErp();

/** A plugin that files a process's document in an archive: it reads the file's bytes. */
const archivePlugin = {
  activities: [
    {
      type: 'docs.archive',
      name: { en: 'Archive the document' },
      inputs: [{ id: 'document', type: 'file', required: true }],
      outputs: [
        { id: 'name', type: 'string' },
        { id: 'size', type: 'number' },
      ],
      async run(input: Record<string, unknown>, context: ServiceContext) {
        const file = await context.file(String(input.document));
        return { name: file.name, size: file.content.length };
      },
    },
  ],
};

const archiving = (key: string, document: string) =>
  oneStep(
    key,
    {
      id: 'archive',
      type: 'docs.archive',
      config: { input: { document }, output: { name: 'docName', size: 'size' } },
    },
    {
      parameters: [{ id: 'doc', type: 'file', required: true }],
      variables: [
        { id: 'docName', type: 'string' },
        { id: 'size', type: 'number' },
      ],
    },
  );

/** A purchase: the invoice is made in the ERP; a refusal goes to the accountant instead of failing. */
const purchase = (
  withBoundary: boolean,
  input: Record<string, string> = { client: 'client', amount: 'total * 1.2' },
) => ({
  key: withBoundary ? 'purchase-erp' : 'purchase-erp-bare',
  name: 'Purchase',
  parameters: [
    { id: 'client', type: 'string', required: true },
    { id: 'total', type: 'number', required: true },
  ],
  variables: [
    { id: 'invoiceNo', type: 'string' },
    { id: 'invoiceUrl', type: 'string' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'invoice',
      type: 'erp.createInvoice',
      config: { input, output: { number: 'invoiceNo', url: 'invoiceUrl' } },
    },
    { id: 'end', type: 'end' },
    ...(withBoundary
      ? [
          {
            id: 'refused',
            type: 'errorBoundary',
            attachedTo: 'invoice',
            config: { errorCode: 'ERP_REFUSED' },
          },
          {
            id: 'byHand',
            type: 'userTask',
            config: { title: 'Invoice {{ client }} by hand', assignees: ["'admin'"] },
          },
          { id: 'done', type: 'end' },
        ]
      : []),
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'invoice' },
    { id: 'f2', source: 'invoice', target: 'end' },
    ...(withBoundary
      ? [
          { id: 'f3', source: 'refused', target: 'byHand' },
          { id: 'f4', source: 'byHand', target: 'done' },
        ]
      : []),
  ],
});

/** Runs the instance's service job as a worker would; answers its error when the attempt fails. */
async function runService(a: Api, instanceId: string): Promise<string | null> {
  const rt = a.baton.rt;
  const job = await jobOf(rt, instanceId, 'runService');
  const claimed = { ...job, attempts: job.attempts + 1 };
  try {
    await serviceHandler(rt.services ?? Services.none).run(rt, claimed, (trx) =>
      finishJob(trx ?? rt.db.kysely, claimed, rt.now()),
    );
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const instance = async (a: Api, id: string) => {
  const res = await a.call('GET', `/api/v1/instances/${id}`);
  return res.json() as {
    status: string;
    variables: Record<string, unknown>;
    error?: { code: string; message: string };
  };
};

beforeAll(async () => {
  process.env.ERP_URL = await erp.listen();
  process.env.ERP_TOKEN = 'erp-secret';
});
afterAll(() => erp.close());

apiSuite(
  'custom activities from plugins',
  (api) => {
    beforeAll(async () => {
      await addPeople(api(), { users: [{ id: 'ivan', canSignIn: true }] });
      await api().publish(purchase(true));
      await api().publish(purchase(false));
      await api().publish(archiving('archive-doc', 'doc'));
      await api().publish(archiving('archive-foreign', '"no-such-file"'));
    });

    it('lists the plugin’s activities for the designer, to anyone signed in and no one else', async () => {
      const a = api();
      const ivan = await signIn(a.app, 'ivan');
      const res = await ivan.call('GET', '/api/v1/activities');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toEqual([
        expect.objectContaining({
          type: 'erp.createInvoice',
          name: { en: 'Create an invoice in the ERP', ru: 'Создать счёт в ERP' },
          category: 'documents',
          inputs: [expect.objectContaining({ id: 'client' }), expect.objectContaining({ id: 'amount' })],
          outputs: [expect.objectContaining({ id: 'number' }), expect.objectContaining({ id: 'url' })],
        }),
        expect.objectContaining({ type: 'docs.archive', category: 'data' }),
      ]);
      expect((await a.call('GET', '/api/v1/activities', undefined, { authorization: '' })).statusCode).toBe(
        401,
      );
    });

    it('runs the plugin’s code with the inputs and puts its answer into the variables', async () => {
      const a = api();
      const id = await a.start('purchase-erp', { client: 'Stroy', total: 1000 });
      expect((await instance(a, id)).status).toBe('running');
      expect(await runService(a, id)).toBeNull();
      const done = await instance(a, id);
      expect(done.status).toBe('completed');
      expect(done.variables).toMatchObject({ invoiceNo: expect.stringMatching(/^INV-\d+$/) });
      expect(done.variables.invoiceUrl).toBe(`https://erp.example/${done.variables.invoiceNo}`);
      const job = await jobOf(a.baton.rt, id, 'runService');
      expect(erp.calls.at(-1)).toEqual({
        key: job.key,
        body: { client: 'Stroy', amount: 1200 },
        token: 'Bearer erp-secret',
      });
    });

    it('retries a failed call with the same idempotency key', async () => {
      const a = api();
      const id = await a.start('purchase-erp', { client: 'Les', total: 10 });
      erp.unavailable = 1;
      const before = erp.calls.length;
      expect(await runService(a, id)).toBe('the ERP answered 503');
      expect((await instance(a, id)).status).toBe('running');
      expect(await runService(a, id)).toBeNull();
      const [first, second] = erp.calls.slice(before);
      expect(first?.key).toBe(second?.key);
      expect((await instance(a, id)).status).toBe('completed');
    });

    it('turns the plugin’s refusal into a BPMN error: caught by a boundary, else the process fails', async () => {
      const a = api();
      const caught = await a.start('purchase-erp', { client: 'Blocked', total: 5 });
      expect(await runService(a, caught)).toBeNull();
      expect((await a.openTasks(caught)).map((t) => t.nodeId)).toEqual(['byHand']);
      const bare = await a.start('purchase-erp-bare', { client: 'Blocked', total: 5 });
      expect(await runService(a, bare)).toBeNull();
      const failed = await instance(a, bare);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatchObject({
        code: 'ERP_REFUSED',
        message: expect.stringContaining('the client is blocked'),
      });
    });

    it('lets an answer go when the process was terminated meanwhile', async () => {
      const a = api();
      const id = await a.start('purchase-erp', { client: 'Gone', total: 1 });
      expect(
        (await a.call('POST', `/api/v1/instances/${id}/terminate`, { reason: 'withdrawn' })).statusCode,
      ).toBe(200);
      expect(await runService(a, id)).toBeNull();
      expect((await instance(a, id)).status).toBe('terminated');
      const job = await a.baton.rt.db.kysely
        .selectFrom('jobs')
        .select('status')
        .where('instance_id', '=', id)
        .where('kind', '=', 'runService')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('done');
    });

    it('gives the plugin’s code the bytes of the process’s files, and no others', async () => {
      const a = api();
      const scan = await upload(a.call, 'Скан.pdf', Buffer.from('%PDF-1.4 scan'));
      const id = await a.start('archive-doc', { doc: scan.id });
      expect(await runService(a, id)).toBeNull();
      expect((await instance(a, id)).variables).toMatchObject({ docName: 'Скан.pdf', size: 13 });
      const foreign = await a.start('archive-foreign', { doc: scan.id });
      expect(await runService(a, foreign)).toBe('docs.archive: no-such-file is no file of this process');
    });

    it('refuses a template that leaves out a required input, naming it', async () => {
      const a = api();
      const bad = { ...purchase(false, { client: 'client' }), key: 'purchase-erp-bad' };
      const res = await a.call('POST', '/api/v1/definitions/purchase-erp-bad/validate', bad);
      expect(res.json().problems).toEqual([
        expect.objectContaining({
          code: 'INVALID_CONFIG',
          nodeId: 'invoice',
          path: 'nodes[1].config.input.amount',
        }),
      ]);
    });

    it('keeps outsiders from answering for a plugin: Baton’s own messages are not sent through the API', async () => {
      const res = await api().call('POST', '/api/v1/messages', {
        name: 'baton.serviceCompleted',
        correlationKey: 'e1',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('body.name');
    });
  },
  {
    plugins: [
      { plugin: erpPlugin, source: 'examples/plugins/erp-invoice.ts' },
      { plugin: archivePlugin, source: 'archive.ts' },
    ],
  },
);
