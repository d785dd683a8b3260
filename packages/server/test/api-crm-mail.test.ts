import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailSendHandler } from '../src/crm/mail/send-job.ts';
import { apiSuite } from './api-harness.ts';
import { created, createLeadPipeline, createPipeline, type PipelineBody } from './support/crm.ts';
import { type ImapServer, startImapServer } from './support/imap-server.ts';
import { runDueJobs, startTestWorker } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser, type Session } from './support/people.ts';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 86_400_000;

let imap: ImapServer;
let smtp: SmtpReceiver;
beforeAll(async () => {
  [imap, smtp] = await Promise.all([startImapServer(), startSmtpReceiver()]);
});
afterAll(async () => {
  await Promise.all([imap?.close(), smtp?.close()]);
});

/** The company's and managers' mailboxes read over IMAP (a real Dovecot), letters on deals and leads. */
apiSuite('CRM mail', (api, dialect) => {
  let sales: PipelineBody;
  let inbound: PipelineBody;
  const as = (id: string) => asUser(() => api().app, id);
  const ivan = as('ivan');
  const petr = as('petr');
  const box = (name: string) => `${name}.${dialect}@firm.test`;
  const imapOf = (user: string, password = 'secret') => ({
    host: imap.host,
    port: imap.port,
    tls: false,
    user,
    password,
  });
  const connect = async (call: Session['call'], body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/crm/mailboxes', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const lettersOn = async (call: Session['call'], dealId: string) => {
    const res = await call('GET', `/api/v1/crm/emails?dealId=${dealId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; subject: string; direction: string; status: string }[];
  };
  const date = () => new Date(api().clock.now - MINUTE);

  beforeAll(async () => {
    await addPeople(api(), {
      departments: [{ id: 'sales', head: 'olga' }],
      users: [
        { id: 'olga', departmentId: 'sales', canSignIn: true },
        { id: 'ivan', departmentId: 'sales', canSignIn: true },
        { id: 'petr', canSignIn: true },
      ],
    });
    sales = await createPipeline(api().call);
    inbound = await createLeadPipeline(api().call, 'Requests');
    await Promise.all(['sales', 'ivan', 'other'].map((u) => imap.addUser(box(u), 'secret')));
  });

  it('refuses a mailbox that does not sign in, naming the field, and never shows a password', async () => {
    const a = api();
    const base = { name: 'Sales', address: box('sales') };
    const wrong = await a.call('POST', '/api/v1/crm/mailboxes', {
      ...base,
      imap: imapOf(box('sales'), 'wrong'),
    });
    expect(wrong.statusCode, wrong.body).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: 'MAILBOX_UNREACHABLE',
      errors: [{ path: 'body.imap.password', message: 'the server refused the user name or password' }],
    });
    const folder = await a.call('POST', '/api/v1/crm/mailboxes', {
      ...base,
      imap: { ...imapOf(box('sales')), folder: 'Заявки' },
    });
    expect(folder.json().errors).toEqual([
      { path: 'body.imap.folder', message: 'there is no folder "Заявки" in this mailbox' },
    ]);
    const closed = await a.call('POST', '/api/v1/crm/mailboxes', {
      ...base,
      imap: { ...imapOf(box('sales')), port: 9 },
    });
    expect(closed.json().errors[0].path).toBe('body.imap.host');
    const noPassword = await a.call('POST', '/api/v1/crm/mailboxes', {
      ...base,
      imap: { host: imap.host, port: imap.port, tls: false, user: box('sales') },
    });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors[0].path).toBe('body.imap.password');
    // A manager connects only their own mailbox.
    const company = await ivan('POST', '/api/v1/crm/mailboxes', {
      ...base,
      ownerId: null,
      imap: imapOf(box('sales')),
    });
    expect(company.statusCode).toBe(403);
    expect((await a.call('GET', '/api/v1/crm/mailboxes')).json().items).toEqual([]);

    const own = await connect(ivan, { name: 'Ivan', address: box('ivan'), imap: imapOf(box('ivan')) });
    expect(own).toMatchObject({
      ownerId: 'ivan',
      ownerName: 'ivan',
      enabled: true,
      checkEveryMinutes: 5,
      editable: true,
    });
    expect(JSON.stringify(own)).not.toContain('secret');
    const stored = await a.baton.rt.db.kysely
      .selectFrom('crm_mailboxes')
      .select('imap_password')
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(stored.imap_password).toMatch(/^v1:/);
    expect(stored.imap_password).not.toContain('secret');
    // Someone else's own mailbox is not theirs to know of.
    expect((await petr('GET', `/api/v1/crm/mailboxes/${own.id}`)).statusCode).toBe(404);
    expect((await petr('GET', '/api/v1/crm/mailboxes')).json().items).toEqual([]);
    expect((await ivan('DELETE', `/api/v1/crm/mailboxes/${own.id}`)).statusCode).toBe(204);
  });

  it("puts a client's letter on their deal with an activity for the manager, and an unknown sender's on a new lead", async () => {
    const a = api();
    const company = await created(ivan, 'companies', { name: 'ООО Ромашка', email: 'office@romashka.test' });
    const contact = await created(ivan, 'contacts', {
      name: 'Анна Петрова',
      email: 'Anna@Romashka.test',
      companyId: company.id,
    });
    const deal = await created(ivan, 'deals', {
      title: 'Ангар',
      pipelineId: sales.id,
      contactId: contact.id,
    });
    const mailbox = await connect(a.call, {
      name: 'Sales',
      address: box('sales'),
      imap: imapOf(box('sales')),
      leadPipelineId: inbound.id,
      leadResponsibleId: 'olga',
    });
    expect(mailbox.ownerId).toBeNull();
    await imap.deliver(box('sales'), {
      from: 'Анна Петрова <anna@romashka.test>',
      to: box('sales'),
      subject: 'Цены на профнастил',
      text: 'Добрый день! Пришлите, пожалуйста, цены.',
      date: date(),
      messageId: `<anna-1.${dialect}@romashka.test>`,
      attachments: [{ filename: 'ТЗ.txt', content: 'Профнастил С8, 200 м²' }],
    });
    await imap.deliver(box('sales'), {
      from: 'Сергей <sergey@newclient.test>',
      to: box('sales'),
      subject: 'Нужен кирпич',
      text: 'Сколько стоит кирпич М150?',
      date: date(),
    });
    await imap.deliver(box('sales'), {
      from: `Olga <${box('sales')}>`,
      to: box('sales'),
      subject: 'A note to self',
      text: 'ignored',
      date: date(),
    });
    const kinds = await runDueJobs(a.baton.rt);
    expect(kinds).toContain('crmMailboxCheck');

    const [letter] = await lettersOn(ivan, deal.id);
    expect(letter).toMatchObject({
      direction: 'in',
      status: 'received',
      subject: 'Цены на профнастил',
      from: { address: 'anna@romashka.test', name: 'Анна Петрова' },
      mailboxName: 'Sales',
      preview: 'Добрый день! Пришлите, пожалуйста, цены.',
      attachments: [{ index: 0, filename: 'ТЗ.txt', contentType: 'text/plain' }],
    });
    const full = await ivan('GET', `/api/v1/crm/emails/${letter?.id}`);
    expect(full.json().text).toContain('Пришлите, пожалуйста, цены.');
    const file = await ivan('GET', `/api/v1/crm/emails/${letter?.id}/attachments/0`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('Профнастил С8, 200 м²');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%D0%A2%D0%97.txt");
    expect((await ivan('GET', `/api/v1/crm/emails/${letter?.id}/attachments/1`)).statusCode).toBe(404);

    const activities = (await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}&status=open`)).json()
      .items;
    expect(activities).toMatchObject([
      {
        kind: 'email',
        title: 'Цены на профнастил',
        emailId: letter?.id,
        responsibleId: 'ivan',
        dueAt: new Date(a.clock.now + DAY).toISOString(),
      },
    ]);

    const leads = (await a.call('GET', `/api/v1/crm/leads?pipelineId=${inbound.id}`)).json().items;
    expect(leads).toMatchObject([
      {
        title: 'Нужен кирпич',
        responsibleId: 'olga',
        email: 'sergey@newclient.test',
        source: 'e-mail: Sales',
      },
    ]);
    expect((await lettersOn(a.call, leads[0].id)).map((l) => l.subject)).toEqual(['Нужен кирпич']);
    const all = (await a.call('GET', `/api/v1/crm/emails?mailboxId=${mailbox.id}`)).json().items;
    expect(all.map((l: { subject: string }) => l.subject).sort()).toEqual([
      'Нужен кирпич',
      'Цены на профнастил',
    ]);

    // Checking again takes nothing twice; a manager outside the deal sees none of it.
    const again = await a.call('POST', `/api/v1/crm/mailboxes/${mailbox.id}/check`);
    expect(again.json()).toMatchObject({ fetched: 0, linked: 0, leads: 0, error: null });
    expect(again.json().mailbox.checkedAt).toBe(new Date(a.clock.now).toISOString());
    expect((await petr('GET', `/api/v1/crm/emails/${letter?.id}`)).statusCode).toBe(404);
    expect((await petr('GET', '/api/v1/crm/emails')).json().items).toEqual([]);

    // The next check comes by itself five minutes later.
    await imap.deliver(box('sales'), {
      from: 'office@romashka.test',
      to: box('sales'),
      subject: 'Реквизиты',
      text: 'Во вложении',
      date: date(),
    });
    a.clock.now += 4 * MINUTE;
    expect(await runDueJobs(a.baton.rt)).not.toContain('crmMailboxCheck');
    a.clock.now += MINUTE;
    expect(await runDueJobs(a.baton.rt)).toContain('crmMailboxCheck');
    expect((await lettersOn(ivan, deal.id)).map((l) => l.subject)).toEqual([
      'Реквизиты',
      'Цены на профнастил',
    ]);
    expect((await a.call('DELETE', `/api/v1/crm/mailboxes/${mailbox.id}`)).statusCode).toBe(204);
    expect((await lettersOn(ivan, deal.id)).length).toBe(2);
  });

  it('makes no lead of a newsletter, an auto-reply or a bounce, and asks no one to answer an auto-reply', async () => {
    const a = api();
    const contact = await created(ivan, 'contacts', { name: 'Олег', email: 'oleg@client.test' });
    const deal = await created(ivan, 'deals', {
      title: 'Кровля',
      pipelineId: sales.id,
      contactId: contact.id,
    });
    const mailbox = await connect(a.call, {
      name: 'Sales (robots)',
      address: box('sales'),
      imap: imapOf(box('sales')),
      leadPipelineId: inbound.id,
    });
    await a.call('POST', `/api/v1/crm/mailboxes/${mailbox.id}/check`);
    const leadsBefore = (await a.call('GET', `/api/v1/crm/leads?pipelineId=${inbound.id}`)).json().items
      .length;
    const robots: { from: string; subject: string; headers: Record<string, string> }[] = [
      {
        from: 'news@shop.test',
        subject: 'Скидки недели',
        headers: { 'List-Unsubscribe': '<https://shop.test/u>' },
      },
      { from: 'MAILER-DAEMON@mx.test', subject: 'Undelivered Mail Returned to Sender', headers: {} },
      {
        from: 'oleg@client.test',
        subject: 'Автоответ: в отпуске',
        headers: { 'Auto-Submitted': 'auto-replied' },
      },
    ];
    for (const r of robots)
      await imap.deliver(box('sales'), { ...r, to: box('sales'), text: '…', date: date() });
    const checked = (await a.call('POST', `/api/v1/crm/mailboxes/${mailbox.id}/check`)).json();
    expect(checked).toMatchObject({ fetched: 3, linked: 1, leads: 0 });
    expect((await a.call('GET', `/api/v1/crm/leads?pipelineId=${inbound.id}`)).json().items).toHaveLength(
      leadsBefore,
    );
    expect((await lettersOn(ivan, deal.id)).map((l) => l.subject)).toEqual(['Автоответ: в отпуске']);
    expect((await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}`)).json().items).toEqual([]);
    expect((await a.call('DELETE', `/api/v1/crm/mailboxes/${mailbox.id}`)).statusCode).toBe(204);
  });

  it('answers a letter from Baton through SMTP, threads the reply back, and completes the activity', async () => {
    const a = api();
    const deal = await created(ivan, 'deals', { title: 'Склад', pipelineId: sales.id });
    const offer = `Предложение по складу (${dialect})`;
    const mailbox = await connect(ivan, { name: 'Ivan', address: box('ivan'), imap: imapOf(box('ivan')) });
    // The client writes first from an address the CRM does not know: a personal mailbox makes no leads.
    await imap.deliver(box('ivan'), {
      from: 'stranger@elsewhere.test',
      to: box('ivan'),
      subject: 'Hello',
      text: 'Anyone?',
      date: date(),
    });
    const checked = await ivan('POST', `/api/v1/crm/mailboxes/${mailbox.id}/check`);
    expect(checked.json()).toMatchObject({ fetched: 1, linked: 0, leads: 0 });

    const bad = await ivan('POST', '/api/v1/crm/emails', {
      dealId: deal.id,
      to: ['not an address'],
      subject: 'x',
      text: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('to.0');
    const notBase64 = await ivan('POST', '/api/v1/crm/emails', {
      dealId: deal.id,
      to: ['buyer@sklad.test'],
      subject: offer,
      text: 'x',
      attachments: [{ filename: 'a.txt', content: 'not base64!' }],
    });
    expect(notBase64.statusCode).toBe(422);
    expect(notBase64.json().errors[0].path).toBe('body.attachments.0.content');
    const sent = await ivan('POST', '/api/v1/crm/emails', {
      dealId: deal.id,
      to: ['buyer@sklad.test'],
      cc: ['boss@sklad.test'],
      subject: offer,
      text: 'Добрый день! Направляю предложение.',
      attachments: [
        {
          filename: 'Предложение.txt',
          contentType: 'text/plain',
          content: Buffer.from('Итого 100 ₽').toString('base64'),
        },
      ],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      direction: 'out',
      status: 'queued',
      mailboxId: mailbox.id,
      from: { address: box('ivan'), name: 'ivan' },
      to: [{ address: 'buyer@sklad.test', name: null }],
    });
    const mail = { url: `smtp://127.0.0.1:${smtp.port}`, from: 'Baton <baton@firm.test>', publicUrl: null };
    const worker = startTestWorker(a.baton.rt, [emailSendHandler(mail)]);
    try {
      await expect.poll(() => smtp.accepted().filter((r) => r.mail.subject === offer).length).toBe(1);
      await expect
        .poll(async () => (await lettersOn(ivan, deal.id)).map((l) => l.status), { timeout: 5000 })
        .toEqual(['sent']);
    } finally {
      await worker.stop();
    }
    const delivered = smtp.accepted().find((r) => r.mail.subject === offer);
    expect(delivered?.envelopeTo.sort()).toEqual(['boss@sklad.test', 'buyer@sklad.test']);
    expect(delivered?.mail.from?.value[0]).toMatchObject({ address: box('ivan'), name: 'ivan' });
    expect(delivered?.mail.attachments.map((f) => [f.filename, f.content.toString()])).toEqual([
      ['Предложение.txt', 'Итого 100 ₽'],
    ]);
    const messageId = delivered?.mail.messageId as string;

    // The buyer answers from another address: the thread puts it on the deal all the same.
    a.clock.now += HOUR;
    await imap.deliver(box('ivan'), {
      from: 'Закупки <zakupki@sklad.test>',
      to: box('ivan'),
      subject: `Re: ${offer}`,
      text: 'Согласны, ждём счёт.',
      inReplyTo: messageId,
      date: date(),
    });
    expect((await ivan('POST', `/api/v1/crm/mailboxes/${mailbox.id}/check`)).json()).toMatchObject({
      linked: 1,
    });
    const [answer] = await lettersOn(ivan, deal.id);
    expect(answer).toMatchObject({ subject: `Re: ${offer}`, direction: 'in' });
    const [todo] = (await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}&status=open`)).json().items;
    expect(todo.emailId).toBe(answer?.id);

    const reply = await ivan('POST', '/api/v1/crm/emails', {
      dealId: deal.id,
      to: ['zakupki@sklad.test'],
      subject: `Re: ${offer}`,
      text: 'Счёт во вложении.',
      replyToId: answer?.id,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}&status=open`)).json().items).toEqual(
      [],
    );
    const done = (await ivan('GET', `/api/v1/crm/activities/${todo.id}`)).json();
    expect(done).toMatchObject({ doneBy: 'ivan' });
    const job = await a.baton.rt.db.kysely
      .selectFrom('crm_emails')
      .select('in_reply_to')
      .where('id', '=', reply.json().id)
      .executeTakeFirstOrThrow();
    expect(job.in_reply_to).toBe(await readKey(answer?.id ?? ''));

    // Someone who may not change the deal may not write on it; another deal's letter is no answer here.
    expect(
      (
        await petr('POST', '/api/v1/crm/emails', {
          dealId: deal.id,
          to: ['a@b.test'],
          subject: 'x',
          text: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const other = await created(ivan, 'deals', { title: 'Другая', pipelineId: sales.id });
    const foreign = await ivan('POST', '/api/v1/crm/emails', {
      dealId: other.id,
      to: ['a@b.test'],
      subject: 'x',
      text: 'x',
      replyToId: answer?.id,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('body.replyToId');
    expect((await ivan('DELETE', `/api/v1/crm/mailboxes/${mailbox.id}`)).statusCode).toBe(204);
    const none = await ivan('POST', '/api/v1/crm/emails', {
      dealId: deal.id,
      to: ['a@b.test'],
      subject: 'x',
      text: 'x',
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0]).toMatchObject({ path: 'body.mailboxId' });

    // Deleting the deal deletes its letters and their files.
    expect((await ivan('DELETE', `/api/v1/crm/deals/${deal.id}`)).statusCode).toBe(204);
    const left = await a.baton.rt.db.kysely
      .selectFrom('crm_emails')
      .select('id')
      .where('deal_id', '=', deal.id)
      .execute();
    expect(left).toEqual([]);
  });

  const readKey = async (id: string) =>
    (
      await api()
        .baton.rt.db.kysely.selectFrom('crm_emails')
        .select('message_key')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).message_key;

  it('takes a letter copied to two mailboxes once, and a check cut short resumes without repeating', async () => {
    const a = api();
    const company = await created(a.call, 'companies', { name: 'Бетон', email: 'beton@beton.test' });
    const deal = await created(a.call, 'deals', {
      title: 'Бетон М300',
      pipelineId: sales.id,
      companyId: company.id,
    });
    const first = await connect(a.call, {
      name: 'Sales 2',
      address: box('sales'),
      imap: imapOf(box('sales')),
    });
    const second = await connect(a.call, {
      name: 'Other',
      address: box('other'),
      imap: imapOf(box('other')),
    });
    for (const to of [box('sales'), box('other')])
      await imap.deliver(to, {
        from: 'beton@beton.test',
        to,
        subject: 'Счёт',
        text: 'Счёт на оплату',
        messageId: `<invoice.${dialect}@beton.test>`,
        date: date(),
      });
    const one = await a.call('POST', `/api/v1/crm/mailboxes/${first.id}/check`);
    const two = await a.call('POST', `/api/v1/crm/mailboxes/${second.id}/check`);
    expect([one.json().linked, two.json().linked]).toEqual([1, 0]);
    expect((await lettersOn(a.call, deal.id)).length).toBe(1);

    // As if the server died after taking the letter but before its progress counted: read it again.
    await a.baton.rt.db.kysely
      .updateTable('crm_mailboxes')
      .set({ last_uid: 0 })
      .where('id', '=', first.id)
      .execute();
    const repeat = await a.call('POST', `/api/v1/crm/mailboxes/${first.id}/check`);
    expect(repeat.json()).toMatchObject({ linked: 0, error: null });
    expect((await lettersOn(a.call, deal.id)).length).toBe(1);
    expect((await a.call('GET', `/api/v1/crm/activities?dealId=${deal.id}`)).json().items.length).toBe(1);

    // Turned off, it is no longer checked; a password that cannot be read is told on the mailbox.
    const off = await a.call('PATCH', `/api/v1/crm/mailboxes/${second.id}`, { enabled: false });
    expect(off.json().enabled).toBe(false);
    a.clock.now += 10 * MINUTE;
    const before = (await a.call('GET', `/api/v1/crm/mailboxes/${second.id}`)).json().checkedAt;
    await runDueJobs(a.baton.rt);
    expect((await a.call('GET', `/api/v1/crm/mailboxes/${second.id}`)).json().checkedAt).toBe(before);
    await a.baton.rt.db.kysely
      .updateTable('crm_mailboxes')
      .set({ imap_password: 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })
      .where('id', '=', first.id)
      .execute();
    const broken = await a.call('POST', `/api/v1/crm/mailboxes/${first.id}/check`);
    expect(broken.json().error).toContain('BATON_SECRET_KEY changed');
    expect(broken.json().mailbox.lastError).toContain('enter the password again');
    const fixed = await a.call('PATCH', `/api/v1/crm/mailboxes/${first.id}`, { imap: imapOf(box('sales')) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await a.call('POST', `/api/v1/crm/mailboxes/${first.id}/check`)).json().error).toBeNull();
  });

  it("sends through the mailbox's own SMTP server, and a letter it refuses shows as failed with the reason", async () => {
    const a = api();
    const own = await startSmtpReceiver([550], { user: 'ivan', password: 'smtp-secret' });
    try {
      const smtpOf = (password: string) => ({
        host: '127.0.0.1',
        port: own.port,
        tls: false,
        user: 'ivan',
        password,
      });
      const base = { name: 'Ivan (own SMTP)', address: box('ivan'), imap: imapOf(box('ivan')) };
      const refused = await ivan('POST', '/api/v1/crm/mailboxes', { ...base, smtp: smtpOf('wrong') });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toEqual([
        { path: 'body.smtp.password', message: 'the server refused the user name or password' },
      ]);
      const mailbox = await connect(ivan, { ...base, smtp: smtpOf('smtp-secret') });
      expect(mailbox.smtp).toEqual({ host: '127.0.0.1', port: own.port, tls: false, user: 'ivan' });
      const deal = await created(ivan, 'deals', { title: 'Отказ', pipelineId: sales.id });
      const letter = await ivan('POST', '/api/v1/crm/emails', {
        dealId: deal.id,
        mailboxId: mailbox.id,
        to: ['nobody@client.test'],
        subject: 'Счёт',
        text: 'Во вложении',
      });
      expect(letter.statusCode, letter.body).toBe(201);
      const worker = startTestWorker(a.baton.rt, [emailSendHandler(null)]);
      try {
        await expect
          .poll(async () => (await lettersOn(ivan, deal.id)).map((l) => l.status), { timeout: 5000 })
          .toEqual(['failed']);
      } finally {
        await worker.stop();
      }
      expect(own.received[0]?.user).toBe('ivan');
      const [failed] = (await ivan('GET', `/api/v1/crm/emails?dealId=${deal.id}`)).json().items;
      expect(failed.error).toContain('mailbox unavailable');
      expect((await ivan('DELETE', `/api/v1/crm/mailboxes/${mailbox.id}`)).statusCode).toBe(204);
    } finally {
      await own.close();
    }
  });
});
