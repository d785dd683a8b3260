import { afterEach, expect, it } from 'vitest';
import { documentHandler } from '../src/jobs/handlers/document.ts';
import { emailHandler } from '../src/jobs/handlers/email.ts';
import { type Api, apiSuite } from './api-harness.ts';
import { docxText, docxWith, pdfText } from './support/documents.ts';
import { runDueJobs, startTestWorker } from './support/jobs.ts';
import { createUser, signIn } from './support/people.ts';
import { startSmtpReceiver } from './support/smtp-receiver.ts';

/** A purchase that makes its invoice and its contract, then waits for the buyer to sign. */
const purchase = {
  key: 'purchase-docs',
  name: 'Purchase with documents',
  parameters: [
    { id: 'client', type: 'string', required: true },
    { id: 'amount', type: 'number', required: true },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'invoice',
      type: 'createDocument',
      config: {
        template: 'invoice',
        fileName: 'Счёт {{ client }}',
        format: 'pdf',
        data: { client: 'client', amount: 'string(amount)', items: "[{'name': 'Кирпич', 'qty': 500}]" },
      },
    },
    {
      id: 'contract',
      type: 'createDocument',
      config: { template: 'contract', fileName: 'contract', format: 'docx', data: { client: 'client' } },
    },
    { id: 'sign', type: 'userTask', config: { title: 'Sign', assignees: ["'admin'"] } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'invoice' },
    { id: 'f2', source: 'invoice', target: 'contract' },
    { id: 'f3', source: 'contract', target: 'sign' },
    { id: 'f4', source: 'sign', target: 'end' },
  ],
};
const INVOICE = '# Счёт для {client}\nСумма: {amount}\n{#items}\n- {name}: {qty}\n{/items}';
const base64 = (b: Buffer) => b.toString('base64');

apiSuite('document templates and generated documents', (api) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  const put = (a: Api, key: string, body: unknown) =>
    a.call('PUT', `/api/v1/document-templates/${key}`, body);
  const setUp = async (a: Api) => {
    if ((await a.call('GET', '/api/v1/document-templates/invoice')).statusCode === 200) return;
    expect((await put(a, 'invoice', { name: 'Счёт', kind: 'text', text: INVOICE })).statusCode).toBe(201);
    const contract = base64(docxWith('Договор с {client}'));
    expect((await put(a, 'contract', { name: 'Договор', kind: 'docx', content: contract })).statusCode).toBe(
      201,
    );
    await a.publish(purchase);
    await createUser(a, { id: 'emma' });
  };

  it('keeps templates: listed with what they make and read, replaced, downloaded, deleted', async () => {
    const a = api();
    await setUp(a);
    const list = await a.call('GET', '/api/v1/document-templates');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        key: 'contract',
        name: 'Договор',
        kind: 'docx',
        formats: ['docx'],
        placeholders: ['client'],
        size: docxWith('Договор с {client}').length,
        updatedAt: new Date(a.clock.now).toISOString(),
        updatedBy: 'admin',
      },
      expect.objectContaining({
        key: 'invoice',
        kind: 'text',
        formats: ['pdf', 'docx'],
        placeholders: ['amount', 'client', 'items'],
      }),
    ]);
    expect((await a.call('GET', '/api/v1/document-templates/invoice')).json()).toMatchObject({
      text: INVOICE,
    });

    const replaced = await put(a, 'notice', { name: 'Notice', kind: 'text', text: 'Hello {who}' });
    expect(replaced.statusCode).toBe(201);
    const again = await put(a, 'notice', { name: 'Notice v2', kind: 'text', text: 'Hi {name}' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ name: 'Notice v2', placeholders: ['name'], text: 'Hi {name}' });

    const file = await a.call('GET', '/api/v1/document-templates/contract/file');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(docxText(file.rawPayload)).toBe('Договор с {client}');
    expect((await a.call('GET', '/api/v1/document-templates/notice/file')).json()).toMatchObject({
      status: 409,
      code: 'NOT_A_FILE',
    });

    expect((await a.call('DELETE', '/api/v1/document-templates/notice')).statusCode).toBe(204);
    expect((await a.call('GET', '/api/v1/document-templates/notice')).statusCode).toBe(404);
    expect((await a.call('DELETE', '/api/v1/document-templates/notice')).statusCode).toBe(404);
  });

  it('refuses a broken template, naming the problem and where, and keeps the one stored', async () => {
    const a = api();
    await setUp(a);
    const unclosed = await put(a, 'invoice', { name: 'Счёт', kind: 'text', text: 'Dear {client' });
    expect(unclosed.statusCode).toBe(422);
    expect(unclosed.json()).toMatchObject({
      code: 'INVALID_TEMPLATE',
      errors: [{ path: 'body.text', message: 'The tag beginning with "{client" is unclosed' }],
    });
    const notDocx = await put(a, 'contract', {
      name: 'Договор',
      kind: 'docx',
      content: base64(Buffer.from('plain')),
    });
    expect(notDocx.statusCode).toBe(422);
    expect(notDocx.json().errors).toEqual([
      { path: 'body.content', message: 'the file is not a DOCX document (not a ZIP archive)' },
    ]);
    expect((await a.call('GET', '/api/v1/document-templates/invoice')).json().text).toBe(INVOICE);

    const badKey = await put(a, '-x', { name: 'x', kind: 'text', text: '' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors[0].path).toBe('params.key');
    const unknownField = await put(a, 'x', { name: 'x', kind: 'text', text: '', extra: 1 });
    expect(unknownField.statusCode).toBe(400);
    const notBase64 = await put(a, 'x', { name: 'x', kind: 'docx', content: '***' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().errors[0].path).toBe('body.content');
  });

  it('lets process administrators edit templates; employees only read them', async () => {
    const a = api();
    await setUp(a);
    const emma = await signIn(a.app, 'emma');
    expect((await emma.call('GET', '/api/v1/document-templates')).statusCode).toBe(200);
    expect(
      (await emma.call('PUT', '/api/v1/document-templates/x', { name: 'x', kind: 'text', text: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await emma.call('DELETE', '/api/v1/document-templates/invoice')).statusCode).toBe(403);
    expect(
      (await emma.call('POST', '/api/v1/document-templates/invoice/preview', { format: 'pdf', data: {} }))
        .statusCode,
    ).toBe(403);
  });

  it('tries a template with sample data before a process uses it', async () => {
    const a = api();
    await setUp(a);
    const pdf = await a.call('POST', '/api/v1/document-templates/invoice/preview', {
      format: 'pdf',
      data: { client: 'ИП Петров', amount: 10, items: [{ name: 'Песок', qty: 2 }] },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Счёт.pdf')}`,
    );
    expect(await pdfText(pdf.rawPayload)).toBe('Счёт для ИП Петров\nСумма: 10\nПесок: 2');
    const asPdf = await a.call('POST', '/api/v1/document-templates/contract/preview', {
      format: 'pdf',
      data: {},
    });
    expect(asPdf.statusCode).toBe(422);
    expect(asPdf.json().detail).toBe('template contract is a DOCX template: it makes docx, not pdf');
  });

  it("generates a process's documents, kept with the instance for whoever sees it", async () => {
    const a = api();
    await setUp(a);
    const id = await a.start(purchase.key, { client: 'ООО Ромашка', amount: 120000 });
    expect(await runDueJobs(a.baton.rt)).toEqual(['createDocument', 'createDocument']);

    const res = await a.call('GET', `/api/v1/instances/${id}/documents`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      nodeId: string;
      fileName: string;
      format: string;
      size: number;
    }[];
    expect(items.map((d) => [d.nodeId, d.fileName, d.format])).toEqual(
      expect.arrayContaining([
        ['invoice', 'Счёт ООО Ромашка.pdf', 'pdf'],
        ['contract', 'contract.docx', 'docx'],
      ]),
    );
    const invoice = items.find((d) => d.nodeId === 'invoice');
    const download = await a.call('GET', `/api/v1/documents/${invoice?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.length).toBe(invoice?.size);
    expect(await pdfText(download.rawPayload)).toBe('Счёт для ООО Ромашка\nСумма: 120000\nКирпич: 500');
    const contract = items.find((d) => d.nodeId === 'contract');
    expect(docxText((await a.call('GET', `/api/v1/documents/${contract?.id}`)).rawPayload)).toBe(
      'Договор с ООО Ромашка',
    );

    // Emma takes no part in it: the documents are as invisible to her as the instance.
    const emma = await signIn(a.app, 'emma');
    expect((await emma.call('GET', `/api/v1/instances/${id}/documents`)).statusCode).toBe(404);
    const hidden = await emma.call('GET', `/api/v1/documents/${invoice?.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().detail).toBe(`document ${invoice?.id} not found`);
    expect((await a.call('GET', '/api/v1/documents/nope')).statusCode).toBe(404);
  });

  it('stores a document once when its job runs twice', async () => {
    const a = api();
    await setUp(a);
    const id = await a.start(purchase.key, { client: 'Twice', amount: 1 });
    const rt = a.baton.rt;
    const job = await rt.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('instance_id', '=', id)
      .where('kind', '=', 'createDocument')
      .orderBy('key')
      .executeTakeFirstOrThrow();
    for (let run = 0; run < 2; run++) await documentHandler.run(rt, job, async () => undefined);
    const stored = await rt.db.kysely
      .selectFrom('documents')
      .select('id')
      .where('job_key', '=', job.key)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('warns at publishing of a template not stored, or a format its template cannot make', async () => {
    const a = api();
    await setUp(a);
    const draft = {
      ...purchase,
      key: 'warned-docs',
      nodes: purchase.nodes.map((n) =>
        n.id === 'invoice'
          ? { ...n, config: { ...n.config, template: 'missing' } }
          : n.id === 'contract'
            ? { ...n, config: { ...n.config, format: 'pdf' } }
            : n,
      ),
    };
    expect((await a.call('PUT', '/api/v1/definitions/warned-docs/draft', draft)).statusCode).toBe(200);
    const validated = await a.call('POST', '/api/v1/definitions/warned-docs/validate');
    const published = await a.call('POST', '/api/v1/definitions/warned-docs/publish');
    expect(published.statusCode).toBe(200);
    const expected = [
      {
        severity: 'warning',
        code: 'BAD_REFERENCE',
        message: 'there is no document template missing: its documents will fail until it is uploaded',
        nodeId: 'invoice',
        path: 'nodes[1].config.template',
      },
      {
        severity: 'warning',
        code: 'INVALID_CONFIG',
        message: 'document template contract is a DOCX template: it makes docx, not pdf',
        nodeId: 'contract',
        path: 'nodes[2].config.format',
      },
    ];
    expect(published.json().warnings).toEqual(expected);
    expect(validated.json()).toEqual({ ok: true, problems: expected });
  });

  it('fails the job naming a missing template, and makes the document when sent again after it is uploaded', async () => {
    const a = api();
    await setUp(a);
    await a.publish({
      ...purchase,
      key: 'act-docs',
      nodes: purchase.nodes.map((n) =>
        n.id === 'contract' ? { ...n, config: { ...n.config, template: 'act' } } : n,
      ),
    });
    const id = await a.start('act-docs', { client: 'Late', amount: 5 });
    const worker = startTestWorker(a.baton.rt, [documentHandler]);
    cleanups.push(() => worker.stop());
    const actJob = async () =>
      (
        (await a.call('GET', `/api/v1/jobs?kind=createDocument&instanceId=${id}`)).json().items as {
          key: string;
          status: string;
          lastError: string | null;
          payload: { template: string };
        }[]
      ).find((j) => j.payload.template === 'act');
    await expect.poll(async () => (await actJob())?.status).toBe('dead');
    const dead = await actJob();
    expect(dead?.lastError).toBe('document at contract: there is no document template act');

    expect(
      (await put(a, 'act', { name: 'Акт', kind: 'docx', content: base64(docxWith('Акт для {client}')) }))
        .statusCode,
    ).toBe(201);
    expect(
      (await a.call('POST', `/api/v1/jobs/${encodeURIComponent(dead?.key ?? '')}/retry`)).statusCode,
    ).toBe(200);
    await expect.poll(async () => (await actJob())?.status).toBe('done');
    const docs = (await a.call('GET', `/api/v1/instances/${id}/documents`)).json().items as {
      id: string;
      nodeId: string;
    }[];
    const act = docs.find((d) => d.nodeId === 'contract');
    expect(docxText((await a.call('GET', `/api/v1/documents/${act?.id}`)).rawPayload)).toBe('Акт для Late');
  });

  it('sends the documents with an e-mail that names their activities, waiting for one still being made', async () => {
    const a = api();
    await setUp(a);
    const mailed = {
      ...purchase,
      key: 'mailed-docs',
      nodes: [
        ...purchase.nodes.slice(0, 3),
        {
          id: 'mail',
          type: 'email',
          config: {
            to: ['"buyer@client.example"'],
            subject: 'Documents',
            body: 'Attached.',
            attachments: ['invoice', 'contract'],
          },
        },
        ...purchase.nodes.slice(3),
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'invoice' },
        { id: 'f2', source: 'invoice', target: 'contract' },
        { id: 'f3', source: 'contract', target: 'mail' },
        { id: 'f4', source: 'mail', target: 'sign' },
        { id: 'f5', source: 'sign', target: 'end' },
      ],
    };
    await a.publish(mailed);
    const receiver = await startSmtpReceiver();
    cleanups.push(() => receiver.close());
    const mail = {
      url: `smtp://127.0.0.1:${receiver.port}`,
      from: 'Baton <baton@firm.example>',
      publicUrl: null,
    };
    const id = await a.start(mailed.key, { client: 'ООО Ромашка', amount: 7 });
    const emailJob = async () =>
      (await a.call('GET', `/api/v1/jobs?kind=sendEmail&instanceId=${id}`)).json().items[0] as {
        status: string;
        lastError: string | null;
      };

    // Only e-mail is sent at first: the documents are not made yet, so the e-mail waits for them.
    const mailer = startTestWorker(a.baton.rt, [emailHandler(mail)]);
    cleanups.push(() => mailer.stop());
    await expect
      .poll(async () => (await emailJob()).lastError)
      .toBe('e-mail at mail: waiting for the document of invoice, contract');
    expect((await emailJob()).status).toBe('pending');
    expect(receiver.accepted()).toEqual([]);

    const maker = startTestWorker(a.baton.rt, [documentHandler]);
    cleanups.push(() => maker.stop());
    await expect
      .poll(async () => (await a.call('GET', `/api/v1/instances/${id}/documents`)).json().items.length)
      .toBe(2);
    a.clock.now += 60_000; // past the e-mail's back-off
    await expect.poll(() => receiver.accepted().length).toBe(1);
    const sent = receiver.accepted()[0]?.mail;
    expect(sent?.attachments.map((x) => [x.filename, x.contentType])).toEqual([
      ['Счёт ООО Ромашка.pdf', 'application/pdf'],
      ['contract.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect(await pdfText(sent?.attachments[0]?.content ?? Buffer.alloc(0))).toContain('Счёт для ООО Ромашка');
    expect(docxText(sent?.attachments[1]?.content ?? Buffer.alloc(0))).toBe('Договор с ООО Ромашка');
  });

  it('fails an e-mail whose document was never made, naming the activity', async () => {
    const a = api();
    await setUp(a);
    const broken = {
      key: 'unmade-docs',
      name: 'Unmade',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'act', type: 'createDocument', config: { template: 'no-such-template', fileName: 'act' } },
        {
          id: 'mail',
          type: 'email',
          config: { to: ['"buyer@client.example"'], subject: 'Act', body: '', attachments: ['act'] },
        },
        { id: 'end', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'act' },
        { id: 'f2', source: 'act', target: 'mail' },
        { id: 'f3', source: 'mail', target: 'end' },
      ],
    };
    await a.publish(broken);
    const mail = { url: 'smtp://127.0.0.1:9', from: 'Baton <baton@firm.example>', publicUrl: null };
    const id = await a.start(broken.key);
    const worker = startTestWorker(a.baton.rt, [documentHandler, emailHandler(mail)]);
    cleanups.push(() => worker.stop());
    const job = async (kind: string) =>
      (await a.call('GET', `/api/v1/jobs?kind=${kind}&instanceId=${id}`)).json().items[0] as {
        status: string;
        lastError: string | null;
      };
    await expect.poll(async () => (await job('createDocument')).status).toBe('dead');
    a.clock.now += 60_000;
    await expect.poll(async () => (await job('sendEmail')).status).toBe('dead');
    expect((await job('sendEmail')).lastError).toBe('e-mail at mail: act made no document in this instance');
  });
});
