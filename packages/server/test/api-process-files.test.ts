import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailHandler } from '../src/jobs/handlers/email.ts';
import { UNUSED_UPLOAD_MS } from '../src/uploads/store.ts';
import { apiSuite } from './api-harness.ts';
import { jobOf, runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser } from './support/people.ts';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.ts';
import { BINARY, upload } from './support/uploads.ts';

/** Contract approval: the employee attaches the draft; the lawyer reads it and answers with the signed scan. */
const contractApproval = {
  key: 'contract-approval',
  name: 'Согласование договора',
  parameters: [
    { id: 'contract', type: 'file', required: true },
    { id: 'appendix', type: 'file' },
  ],
  variables: [{ id: 'signed', type: 'file' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'review',
      type: 'userTask',
      name: 'Согласуйте договор',
      config: {
        kind: 'form',
        assignees: ["'olga'"],
        fields: [{ id: 'signed', type: 'file', required: true }],
      },
    },
    {
      id: 'archive',
      type: 'callActivity',
      config: { definitionKey: 'archive', params: { scan: 'signed', note: "'из договора'" } },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'review' },
    { id: 'f2', source: 'review', target: 'archive' },
    { id: 'f3', source: 'archive', target: 'end' },
  ],
};

/** The process the approval calls: the archivist files the signed scan it is handed. */
const archive = {
  key: 'archive',
  name: 'Сдать в архив',
  parameters: [
    { id: 'scan', type: 'file' },
    { id: 'note', type: 'string' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'file', type: 'userTask', config: { kind: 'acknowledge', assignees: ["'olga'"] } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'file' },
    { id: 'f2', source: 'file', target: 'end' },
  ],
};

/** The signed contract goes to the client, its appendix with it when there is one. */
const sendContract = (files: string[]) => ({
  key: 'send-contract',
  name: 'Отправить договор',
  parameters: [
    { id: 'contract', type: 'file', required: true },
    { id: 'appendix', type: 'file' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'mail',
      type: 'email',
      config: { to: ['"buyer@client.example"'], subject: 'Договор', body: 'Во вложении.', files },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'mail' },
    { id: 'f2', source: 'mail', target: 'end' },
  ],
});

const DRAFT = Buffer.from('%PDF-1.4 проект договора поставки');
const SCAN = Buffer.from('%PDF-1.4 подписанный скан');

apiSuite("processes' files", (api) => {
  const ivan = asUser(() => api().app, 'ivan'); // starts the approval
  const olga = asUser(() => api().app, 'olga'); // the lawyer
  const petr = asUser(() => api().app, 'petr'); // has nothing to do with it

  let receiver: SmtpReceiver;
  afterAll(() => receiver?.close());

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    await addPeople(api(), {
      users: [
        { id: 'ivan', canSignIn: true },
        { id: 'olga', canSignIn: true },
        { id: 'petr', canSignIn: true },
      ],
    });
    await api().publish(archive);
    await api().publish(contractApproval);
  });

  const startWith = (call: typeof ivan, params: Record<string, unknown>) =>
    call('POST', '/api/v1/instances', { definitionKey: 'contract-approval', params });

  it('gives a start form’s file to the process: its viewers download it, others do not', async () => {
    const draft = await upload(ivan, 'Договор поставки.pdf', DRAFT);
    expect(draft).toEqual({
      id: expect.any(String),
      name: 'Договор поставки.pdf',
      contentType: 'application/pdf',
      size: DRAFT.length,
    });
    const started = await startWith(ivan, { contract: draft.id });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id;

    const files = await olga('GET', `/api/v1/instances/${id}/files`);
    expect(files.statusCode, files.body).toBe(200);
    expect(files.json().items).toEqual([
      { ...draft, uploadedBy: 'ivan', uploadedAt: new Date(api().clock.now).toISOString() },
    ]);
    const download = await olga('GET', `/api/v1/instances/${id}/files/${draft.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(DRAFT)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Договор поставки.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    expect((await petr('GET', `/api/v1/instances/${id}/files`)).statusCode).toBe(404);
    expect((await petr('GET', `/api/v1/instances/${id}/files/${draft.id}`)).statusCode).toBe(404);
    // A file of another process is not this one's, whoever asks.
    const other = await upload(ivan, 'Другой.pdf', DRAFT);
    expect((await ivan('GET', `/api/v1/instances/${id}/files/${other.id}`)).statusCode).toBe(404);
  });

  it('refuses a file someone else uploaded, or none at all, at the field', async () => {
    const olgas = await upload(olga, 'Чужой.pdf', DRAFT);
    const res = await startWith(ivan, { contract: olgas.id, appendix: 'no-such-file' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'INVALID_PARAMS',
      errors: [
        { path: 'params.contract', message: `there is no file ${olgas.id} uploaded by you` },
        { path: 'params.appendix', message: 'there is no file no-such-file uploaded by you' },
      ],
    });
    for (const none of [{}, { contract: '' }])
      expect((await startWith(ivan, none)).json().errors).toEqual([
        { path: 'params.contract', message: 'required' },
      ]);
    // Nothing was started, and olga's upload is still no one's but hers.
    const mine = await ivan('GET', '/api/v1/instances?scope=mine');
    expect(mine.json().items).toHaveLength(1);
  });

  it('takes a task’s file answer, and hands it to the process the approval calls', async () => {
    const draft = await upload(ivan, 'Договор.docx', DRAFT);
    const id = (await startWith(ivan, { contract: draft.id })).json().id;
    const [task] = await api().openTasks(id);
    const complete = (call: typeof ivan, variables: Record<string, unknown>) =>
      call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables });

    const ivans = await upload(ivan, 'Не её.pdf', SCAN);
    const refused = await complete(olga, { signed: ivans.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: 'variables.signed', message: `there is no file ${ivans.id} uploaded by you` },
    ]);

    const scan = await upload(olga, 'Скан.pdf', SCAN);
    expect((await complete(olga, { signed: scan.id })).statusCode).toBe(200);
    const names = (await ivan('GET', `/api/v1/instances/${id}/files`))
      .json()
      .items.map((f: { name: string }) => f.name);
    expect(names).toEqual(['Договор.docx', 'Скан.pdf']);

    await runDueJobs(api().baton.rt);
    const child = (await api().call('GET', '/api/v1/instances?definitionKey=archive')).json().items[0];
    const detail = (await api().call('GET', `/api/v1/instances/${child.id}`)).json();
    expect(detail.variables).toMatchObject({ scan: scan.id, note: 'из договора' });
    const handed = await olga('GET', `/api/v1/instances/${child.id}/files/${scan.id}`);
    expect(handed.statusCode).toBe(200);
    expect(handed.rawPayload.equals(SCAN)).toBe(true);
    // Only what the parent had: its draft was not handed on.
    expect((await olga('GET', `/api/v1/instances/${child.id}/files`)).json().items).toHaveLength(1);
  });

  it('names what is wrong with an upload', async () => {
    const post = (query: string, body: unknown, headers = BINARY) =>
      ivan('POST', `/api/v1/uploads${query}`, body, headers);
    expect((await post('?name=a.pdf', Buffer.alloc(0))).json().errors).toEqual([
      { path: 'body', message: 'the file is empty' },
    ]);
    expect((await post('?name=..%2Fa.pdf', DRAFT)).json().errors).toEqual([
      { path: 'querystring.name', message: 'a file name has no slashes and no control characters' },
    ]);
    expect((await post('', DRAFT)).statusCode).toBe(400);
    expect((await post('?name=a.pdf', { a: 1 }, { 'content-type': 'application/json' })).statusCode).toBe(
      415,
    );
    const huge = await post('?name=big.bin', Buffer.alloc(50 * 1024 * 1024 + 1));
    expect(huge.statusCode).toBe(413);
    const anonymous = await api().app.inject({
      method: 'POST',
      url: '/api/v1/uploads?name=a.pdf',
      payload: DRAFT,
      headers: BINARY,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets go of an upload nothing took within a day, and keeps those a process took', async () => {
    const taken = await upload(ivan, 'Взятый.pdf', DRAFT);
    const id = (await startWith(ivan, { contract: taken.id })).json().id;
    const left = await upload(ivan, 'Забытый.pdf', DRAFT);
    api().clock.now += UNUSED_UPLOAD_MS + 1;
    await upload(ivan, 'Новый.pdf', DRAFT); // lets go of what is older than a day
    const late = await startWith(ivan, { contract: left.id });
    expect(late.json().errors).toEqual([
      { path: 'params.contract', message: `there is no file ${left.id} uploaded by you` },
    ]);
    const kept = await ivan('GET', `/api/v1/instances/${id}/files/${taken.id}`);
    expect(kept.rawPayload.equals(DRAFT)).toBe(true);
  });

  it('sends the files a process was given with its e-mail, failing on one it was not', async () => {
    const a = api();
    const mail = {
      url: `smtp://127.0.0.1:${receiver.port}`,
      from: 'Baton <baton@firm.example>',
      publicUrl: null,
    };
    const send = async (id: string) => {
      const job = await jobOf(a.baton.rt, id, 'sendEmail');
      await emailHandler(mail).run(a.baton.rt, job, async () => undefined);
    };
    await a.publish(sendContract(['contract', 'appendix']));
    const contract = await upload(ivan, 'Договор.pdf', SCAN);
    const started = await ivan('POST', '/api/v1/instances', {
      definitionKey: 'send-contract',
      params: { contract: contract.id },
    });
    await send(started.json().id);
    const sent = receiver.accepted().at(-1)?.mail;
    expect(sent?.attachments.map((x) => [x.filename, x.contentType])).toEqual([
      ['Договор.pdf', 'application/pdf'],
    ]);
    expect(sent?.attachments[0]?.content.equals(SCAN)).toBe(true);

    // An expression giving an id that is no file of this process: the e-mail fails, naming it.
    await a.publish(sendContract(["'elsewhere'"]));
    const other = await upload(ivan, 'Договор.pdf', SCAN);
    const wrong = await ivan('POST', '/api/v1/instances', {
      definitionKey: 'send-contract',
      params: { contract: other.id },
    });
    await expect(send(wrong.json().id)).rejects.toThrow(
      'e-mail at mail: elsewhere: no such file in this instance',
    );
  });
});
