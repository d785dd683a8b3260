import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailHandler } from '../src/jobs/handlers/email.ts';
import { apiSuite } from './api-harness.ts';
import {
  created,
  createLeadPipeline,
  createPipeline,
  itemProcess,
  type PipelineBody,
} from './support/crm.ts';
import { jobOf, runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser } from './support/people.ts';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.ts';
import { upload } from './support/uploads.ts';

const SCAN = Buffer.from('%PDF-1.4 скан договора');
const SIGNED = Buffer.from('%PDF-1.4 подписанный договор');

/** The manager attaches the signed contract in a task; the process puts it into the deal's field. */
const signContract = {
  ...itemProcess('sign-contract', 'deal', [
    {
      id: 'sign',
      type: 'userTask',
      config: {
        kind: 'form',
        assignees: ['document.responsible'],
        fields: [{ id: 'signed', type: 'file', required: true }],
      },
    },
    { id: 'keep', type: 'setFields', config: { fields: { scan: 'signed' } } },
  ]),
  variables: [{ id: 'signed', type: 'file' }],
};

/** The deal's contract scan mailed to the client. */
const mailScan = itemProcess('mail-scan', 'deal', [
  {
    id: 'mail',
    type: 'email',
    config: { to: ['"buyer@client.example"'], subject: 'Договор', body: '', files: ['document.scan'] },
  },
]);

apiSuite('files in CRM items and list records', (api) => {
  const ivan = asUser(() => api().app, 'ivan'); // sales: leads the deals
  const olga = asUser(() => api().app, 'olga'); // the lawyer: keeps the register
  const petr = asUser(() => api().app, 'petr'); // sees none of it
  let sales: PipelineBody;
  let receiver: SmtpReceiver;
  afterAll(() => receiver?.close());

  beforeAll(async () => {
    const a = api();
    receiver = await startSmtpReceiver();
    await addPeople(a, {
      roles: ['lawyer'],
      users: [
        { id: 'ivan', canSignIn: true },
        { id: 'olga', canSignIn: true, roles: ['lawyer'] },
        { id: 'petr', canSignIn: true },
      ],
    });
    sales = await createPipeline(a.call);
    await createLeadPipeline(a.call);
    for (const entity of ['deal', 'lead', 'company'])
      expect(
        (
          await a.call('PUT', `/api/v1/crm/fields/${entity}`, {
            items: [{ key: 'scan', label: 'Скан договора', type: 'file' }],
          })
        ).statusCode,
      ).toBe(200);
    await a.publish(signContract);
    await a.publish(mailScan);
  });

  const newDeal = (call: typeof ivan, fields: Record<string, unknown>) =>
    call('POST', '/api/v1/crm/deals', { title: 'Бетон', pipelineId: sales.id, fields });

  it("keeps a deal's file for whoever reads the deal; someone else's upload is refused at the field", async () => {
    const scan = await upload(ivan, 'Скан.pdf', SCAN);
    const res = await newDeal(ivan, { scan: scan.id });
    expect(res.statusCode, res.body).toBe(201);
    const deal = res.json();
    expect(deal.fields).toEqual({ scan: scan.id });

    const files = await ivan('GET', `/api/v1/crm/deals/${deal.id}/files`);
    expect(files.json().items).toEqual([
      expect.objectContaining({ id: scan.id, name: 'Скан.pdf', size: SCAN.length, uploadedBy: 'ivan' }),
    ]);
    const download = await ivan('GET', `/api/v1/crm/deals/${deal.id}/files/${scan.id}`);
    expect(download.rawPayload.equals(SCAN)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('Скан.pdf'));
    expect((await petr('GET', `/api/v1/crm/deals/${deal.id}/files`)).statusCode).toBe(404);
    expect((await petr('GET', `/api/v1/crm/deals/${deal.id}/files/${scan.id}`)).statusCode).toBe(404);
    // The same file asked through a lead's address is not there: a deal is no lead.
    expect((await ivan('GET', `/api/v1/crm/leads/${deal.id}/files/${scan.id}`)).statusCode).toBe(404);

    const olgas = await upload(olga, 'Чужой.pdf', SCAN);
    const refused = await newDeal(ivan, { scan: olgas.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'INVALID_FIELDS',
      errors: [{ path: 'body.fields.scan', message: `there is no file ${olgas.id} uploaded by you` }],
    });
    expect((await newDeal(ivan, { scan: 7 })).json().errors).toEqual([
      { path: 'body.fields.scan', message: "Скан договора must be an uploaded file's id" },
    ]);

    // Saved again by the administrator, the deal keeps its file; a new upload replaces it in the field.
    const again = await api().call('PATCH', `/api/v1/crm/deals/${deal.id}`, {
      title: 'Бетон М300',
      fields: { scan: scan.id },
    });
    expect(again.statusCode, again.body).toBe(200);
    const newer = await upload(ivan, 'Скан 2.pdf', SIGNED);
    const replaced = await ivan('PATCH', `/api/v1/crm/deals/${deal.id}`, { fields: { scan: newer.id } });
    expect(replaced.json().fields).toEqual({ scan: newer.id });
    const names = (await ivan('GET', `/api/v1/crm/deals/${deal.id}/files`))
      .json()
      .items.map((f: { name: string }) => f.name);
    expect(names).toEqual(['Скан.pdf', 'Скан 2.pdf']);
  });

  it('takes a file a task was given into the deal, and mails the deal’s file', async () => {
    const a = api();
    const deal = (await newDeal(ivan, {})).json();
    const started = await ivan('POST', '/api/v1/instances', {
      definitionKey: 'sign-contract',
      documentRef: `deal:${deal.id}`,
    });
    expect(started.statusCode, started.body).toBe(201);
    const [task] = await a.openTasks(started.json().id);
    const signed = await upload(ivan, 'Подписан.pdf', SIGNED);
    const done = await ivan('POST', `/api/v1/tasks/${task?.id}/complete`, {
      variables: { signed: signed.id },
    });
    expect(done.statusCode, done.body).toBe(200);
    await runDueJobs(a.baton.rt);
    expect((await ivan('GET', `/api/v1/crm/deals/${deal.id}`)).json().fields).toEqual({ scan: signed.id });
    const kept = await ivan('GET', `/api/v1/crm/deals/${deal.id}/files/${signed.id}`);
    expect(kept.rawPayload.equals(SIGNED)).toBe(true);

    const mailing = await ivan('POST', '/api/v1/instances', {
      definitionKey: 'mail-scan',
      documentRef: `deal:${deal.id}`,
    });
    const mail = {
      url: `smtp://127.0.0.1:${receiver.port}`,
      from: 'Baton <baton@firm.example>',
      publicUrl: null,
    };
    const job = await jobOf(a.baton.rt, mailing.json().id, 'sendEmail');
    await emailHandler(mail).run(a.baton.rt, job, async () => undefined);
    const sent = receiver.accepted().at(-1)?.mail;
    expect(sent?.attachments.map((x) => x.filename)).toEqual(['Подписан.pdf']);
    expect(sent?.attachments[0]?.content.equals(SIGNED)).toBe(true);
  });

  it('hands a lead’s file to the deal it becomes, and keeps a company’s', async () => {
    const scan = await upload(ivan, 'Реквизиты.pdf', SCAN);
    const lead = await created<{ id: string }>(ivan, 'leads', {
      title: 'Газобетон',
      name: 'Анна',
      fields: { scan: scan.id },
    });
    const converted = await ivan('POST', `/api/v1/crm/leads/${lead.id}/convert`, { pipelineId: sales.id });
    expect(converted.statusCode, converted.body).toBe(200);
    const dealId = converted.json().deal.id;
    expect(converted.json().deal.fields).toEqual({ scan: scan.id });
    expect((await ivan('GET', `/api/v1/crm/deals/${dealId}/files/${scan.id}`)).rawPayload.equals(SCAN)).toBe(
      true,
    );
    expect((await ivan('GET', `/api/v1/crm/leads/${lead.id}/files/${scan.id}`)).statusCode).toBe(200);

    const card = await upload(ivan, 'Карточка.pdf', SCAN);
    const company = await created<{ id: string }>(ivan, 'companies', {
      name: 'ООО Ромашка',
      fields: { scan: card.id },
    });
    expect((await ivan('GET', `/api/v1/crm/companies/${company.id}/files`)).json().items).toHaveLength(1);
    expect((await petr('GET', `/api/v1/crm/companies/${company.id}/files/${card.id}`)).statusCode).toBe(404);
  });

  it("keeps a list record's file for the list's readers", async () => {
    const a = api();
    const list = await a.call('POST', '/api/v1/lists', {
      key: 'contracts',
      name: 'Договоры',
      fields: [
        { key: 'number', label: 'Номер', type: 'string', required: true },
        { key: 'original', label: 'Оригинал', type: 'file' },
      ],
      rights: { read: ['user:ivan', 'role:lawyer'], write: ['role:lawyer'] },
    });
    expect(list.statusCode, list.body).toBe(201);
    const original = await upload(olga, 'Договор П-7.pdf', SIGNED);
    const record = await olga('POST', '/api/v1/lists/contracts/records', {
      title: 'П-7',
      values: { number: 'П-7', original: original.id },
    });
    expect(record.statusCode, record.body).toBe(201);
    const id = record.json().id;
    // A record names its files, so a page of them shows their names without asking each.
    const named = {
      id: original.id,
      name: 'Договор П-7.pdf',
      contentType: 'application/pdf',
      size: SIGNED.length,
    };
    expect(record.json().files).toEqual([named]);
    expect((await ivan('GET', '/api/v1/lists/contracts/records')).json().items[0].files).toEqual([named]);
    const read = await ivan('GET', `/api/v1/list-records/${id}/files/${original.id}`);
    expect(read.rawPayload.equals(SIGNED)).toBe(true);
    expect((await petr('GET', `/api/v1/list-records/${id}/files`)).statusCode).toBe(404);

    const ivans = await upload(ivan, 'Не её.pdf', SCAN);
    const refused = await olga('PATCH', `/api/v1/list-records/${id}`, {
      values: { number: 'П-7', original: ivans.id },
    });
    expect(refused.json().errors).toEqual([
      { path: 'body.values.original', message: `there is no file ${ivans.id} uploaded by you` },
    ]);
  });

  it('lets go of the files of deleted items and lists a day later', async () => {
    const a = api();
    const kept = async (id: string) =>
      (await a.baton.rt.db.kysely.selectFrom('uploads').select('id').where('id', '=', id).execute()).length;
    const scan = await upload(ivan, 'Удалим.pdf', SCAN);
    const deal = (await newDeal(ivan, { scan: scan.id })).json();
    const card = await upload(ivan, 'Карточка.pdf', SCAN);
    const company = await created<{ id: string }>(ivan, 'companies', {
      name: 'ООО Лютик',
      fields: { scan: card.id },
    });
    const list = await a.call('POST', '/api/v1/lists', {
      key: 'cars',
      name: 'Автомобили',
      fields: [{ key: 'policy', label: 'Полис', type: 'file' }],
    });
    const policy = await upload(ivan, 'Полис.pdf', SCAN);
    const record = await ivan('POST', '/api/v1/lists/cars/records', {
      title: 'Газель',
      values: { policy: policy.id },
    });
    expect(record.statusCode, record.body).toBe(201);

    expect((await ivan('DELETE', `/api/v1/crm/deals/${deal.id}`)).statusCode).toBe(204);
    expect((await ivan('DELETE', `/api/v1/crm/companies/${company.id}`)).statusCode).toBe(204);
    expect((await a.call('DELETE', `/api/v1/lists/${list.json().id}`)).statusCode).toBe(204);
    a.clock.now += 24 * 60 * 60 * 1000 + 1;
    await upload(ivan, 'Следующий.pdf', SCAN);
    expect([await kept(scan.id), await kept(card.id), await kept(policy.id)]).toEqual([0, 0, 0]);
  });

  it('does not import a file field from a CSV', async () => {
    const res = await ivan('POST', '/api/v1/crm/import?kind=deals', 'title,scan\nБетон,x.pdf\n', {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json().errors)).toContain(
      'a file field is not imported: attach its files on the items',
    );
  });
});
