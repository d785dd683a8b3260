import { afterEach, expect, it } from 'vitest';
import { documentHandler } from '../src/jobs/handlers/document.ts';
import { emailHandler } from '../src/jobs/handlers/email.ts';
import { apiSuite } from './api-harness.ts';
import { base64, purchase, putTemplate, setUpDocuments } from './support/document-processes.ts';
import { docxText, docxWith, pdfText } from './support/documents.ts';
import { runDueJobs, startTestWorker } from './support/jobs.ts';
import { signIn } from './support/people.ts';
import { startSmtpReceiver } from './support/smtp-receiver.ts';

/** What processes do with documents: made by their jobs, kept with the instance, sent with e-mails. */
apiSuite('generated documents', (api) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it("generates a process's documents, kept with the instance for whoever sees it", async () => {
    const a = api();
    await setUpDocuments(a);
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
    await setUpDocuments(a);
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

  it('fails the job naming a missing template, and makes the document when sent again after it is uploaded', async () => {
    const a = api();
    await setUpDocuments(a);
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
      (
        await putTemplate(a, 'act', {
          name: 'Акт',
          kind: 'docx',
          content: base64(docxWith('Акт для {client}')),
        })
      ).statusCode,
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
    await setUpDocuments(a);
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
    await setUpDocuments(a);
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
