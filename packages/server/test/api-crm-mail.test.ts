import { expect, it } from 'vitest';
import { created } from './support/crm.ts';
import { DAY, MINUTE, mailSuite } from './support/crm-mail.ts';
import { runDueJobs } from './support/jobs.ts';

/** The company's and managers' mailboxes read over IMAP (a real Dovecot), letters on deals and leads. */
mailSuite('CRM mail: mailboxes and the letters they bring', (s) => {
  const { api, dialect, ivan, petr, box, imapOf, connect, lettersOn, date } = s;

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
      imap: { host: s.imap().host, port: s.imap().port, tls: false, user: box('sales') },
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
      pipelineId: s.sales().id,
      contactId: contact.id,
    });
    const mailbox = await connect(a.call, {
      name: 'Sales',
      address: box('sales'),
      imap: imapOf(box('sales')),
      leadPipelineId: s.inbound().id,
      leadResponsibleId: 'olga',
    });
    expect(mailbox.ownerId).toBeNull();
    // A client's letter moves their deal on; a letter that makes a lead is where the lead begins.
    const trigger = async (pipeline: { id: string; stages: { id: string; name: string }[] }, at: string) => {
      const stageId = pipeline.stages.find((st) => st.name === at)?.id;
      const res = await a.call('POST', `/api/v1/crm/pipelines/${pipeline.id}/triggers`, {
        stageId,
        name: 'A letter came',
        event: 'emailReceived',
      });
      expect(res.statusCode, res.body).toBe(201);
      return { id: res.json().id as string, stageId };
    };
    const answered = await trigger(s.sales(), 'Quote sent');
    const talking = await trigger(s.inbound(), 'In progress');
    await s.imap().deliver(box('sales'), {
      from: 'Анна Петрова <anna@romashka.test>',
      to: box('sales'),
      subject: 'Цены на профнастил',
      text: 'Добрый день! Пришлите, пожалуйста, цены.',
      date: date(),
      messageId: `<anna-1.${dialect}@romashka.test>`,
      attachments: [{ filename: 'ТЗ.txt', content: 'Профнастил С8, 200 м²' }],
    });
    await s.imap().deliver(box('sales'), {
      from: 'Сергей <sergey@newclient.test>',
      to: box('sales'),
      subject: 'Нужен кирпич',
      text: 'Сколько стоит кирпич М150?',
      date: date(),
    });
    await s.imap().deliver(box('sales'), {
      from: `Olga <${box('sales')}>`,
      to: box('sales'),
      subject: 'A note to self',
      text: 'ignored',
      date: date(),
    });
    const kinds = await runDueJobs(a.baton.rt);
    expect(kinds).toContain('crmMailboxCheck');
    expect(kinds.filter((k) => k === 'crmTrigger')).toEqual(['crmTrigger']);
    // The manager hears of it in the bell, worded in their language, pointing at the deal.
    const told = (await ivan('GET', '/api/v1/notifications')).json().items;
    expect(told).toContainEqual(
      expect.objectContaining({
        message: { key: 'crmLetter', from: 'Анна Петрова', subject: 'Цены на профнастил' },
        text: 'A letter from Анна Петрова: “Цены на профнастил”',
        nodeId: `deal:${deal.id}`,
        instanceId: null,
      }),
    );
    expect((await ivan('GET', `/api/v1/crm/deals/${deal.id}`)).json().stages.at(-1)).toMatchObject({
      stageId: answered.stageId,
      by: `trigger:${answered.id}`,
    });

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

    const leads = (await a.call('GET', `/api/v1/crm/leads?pipelineId=${s.inbound().id}`)).json().items;
    expect(leads).toMatchObject([
      {
        title: 'Нужен кирпич',
        responsibleId: 'olga',
        email: 'sergey@newclient.test',
        source: 'e-mail: Sales',
      },
    ]);
    expect((await lettersOn(a.call, leads[0].id)).map((l) => l.subject)).toEqual(['Нужен кирпич']);
    expect(leads[0].stageId).not.toBe(talking.stageId);
    for (const t of [answered, talking]) await a.call('DELETE', `/api/v1/crm/triggers/${t.id}`);
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
    await s.imap().deliver(box('sales'), {
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
      pipelineId: s.sales().id,
      contactId: contact.id,
    });
    const mailbox = await connect(a.call, {
      name: 'Sales (robots)',
      address: box('sales'),
      imap: imapOf(box('sales')),
      leadPipelineId: s.inbound().id,
    });
    await a.call('POST', `/api/v1/crm/mailboxes/${mailbox.id}/check`);
    const leadsBefore = (await a.call('GET', `/api/v1/crm/leads?pipelineId=${s.inbound().id}`)).json().items
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
      await s.imap().deliver(box('sales'), { ...r, to: box('sales'), text: '…', date: date() });
    const checked = (await a.call('POST', `/api/v1/crm/mailboxes/${mailbox.id}/check`)).json();
    expect(checked).toMatchObject({ fetched: 3, linked: 1, leads: 0 });
    expect((await a.call('GET', `/api/v1/crm/leads?pipelineId=${s.inbound().id}`)).json().items).toHaveLength(
      leadsBefore,
    );
    expect((await lettersOn(ivan, deal.id)).map((l) => l.subject)).toEqual(['Автоответ: в отпуске']);
    expect((await ivan('GET', `/api/v1/crm/activities?dealId=${deal.id}`)).json().items).toEqual([]);
    // Nor rings anyone's bell.
    await runDueJobs(a.baton.rt);
    const bell = (await ivan('GET', '/api/v1/notifications')).json().items as {
      message: { subject?: string };
    }[];
    expect(bell.filter((n) => n.message?.subject === 'Автоответ: в отпуске')).toEqual([]);
    expect((await a.call('DELETE', `/api/v1/crm/mailboxes/${mailbox.id}`)).statusCode).toBe(204);
  });

  it('takes a letter copied to two mailboxes once, and a check cut short resumes without repeating', async () => {
    const a = api();
    const company = await created(a.call, 'companies', { name: 'Бетон', email: 'beton@beton.test' });
    const deal = await created(a.call, 'deals', {
      title: 'Бетон М300',
      pipelineId: s.sales().id,
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
      await s.imap().deliver(to, {
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
});
