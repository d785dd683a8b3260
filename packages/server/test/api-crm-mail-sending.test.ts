import { expect, it } from 'vitest';
import { emailSendHandler } from '../src/crm/mail/send-job.ts';
import { sentCopyHandler } from '../src/crm/mail/sent-copy.ts';
import { created } from './support/crm.ts';
import { HOUR, mailSuite } from './support/crm-mail.ts';
import { sentFolder } from './support/imap-server.ts';
import { runDueJobs, startTestWorker } from './support/jobs.ts';
import { startSmtpReceiver } from './support/smtp-receiver.ts';

/** Letters written in Baton: sent through SMTP, threaded, answered; a mailbox's own SMTP server. */
mailSuite('CRM mail: writing and answering', (s) => {
  const { api, dialect, ivan, petr, box, imapOf, connect, lettersOn, date } = s;

  it('answers a letter from Baton through SMTP, threads the reply back, and completes the activity', async () => {
    const a = api();
    const deal = await created(ivan, 'deals', { title: 'Склад', pipelineId: s.sales().id });
    const offer = `Предложение по складу (${dialect})`;
    const mailbox = await connect(ivan, { name: 'Ivan', address: box('ivan'), imap: imapOf(box('ivan')) });
    // The client writes first from an address the CRM does not know: a personal mailbox makes no leads.
    await s.imap().deliver(box('ivan'), {
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
    const mail = {
      url: `smtp://127.0.0.1:${s.smtp().port}`,
      from: 'Baton <baton@firm.test>',
      publicUrl: null,
    };
    const worker = startTestWorker(a.baton.rt, [emailSendHandler(mail)]);
    try {
      await expect
        .poll(
          () =>
            s
              .smtp()
              .accepted()
              .filter((r) => r.mail.subject === offer).length,
        )
        .toBe(1);
      await expect
        .poll(async () => (await lettersOn(ivan, deal.id)).map((l) => l.status), { timeout: 5000 })
        .toEqual(['sent']);
    } finally {
      await worker.stop();
    }
    const delivered = s
      .smtp()
      .accepted()
      .find((r) => r.mail.subject === offer);
    expect(delivered?.envelopeTo.sort()).toEqual(['boss@sklad.test', 'buyer@sklad.test']);
    expect(delivered?.mail.from?.value[0]).toMatchObject({ address: box('ivan'), name: 'ivan' });
    expect(delivered?.mail.attachments.map((f) => [f.filename, f.content.toString()])).toEqual([
      ['Предложение.txt', 'Итого 100 ₽'],
    ]);
    const messageId = delivered?.mail.messageId as string;

    // The manager's own mail client shows it in Sent, once however often the copy is put there.
    expect(await runDueJobs(a.baton.rt)).toContain('crmEmailSentCopy');
    const copyJob = await a.baton.rt.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'crmEmailSentCopy')
      .executeTakeFirstOrThrow();
    await sentCopyHandler.run(a.baton.rt, copyJob, async () => undefined);
    const copies = await sentFolder(imapOf(box('ivan')));
    expect(copies).toEqual([{ messageId, subject: offer, seen: true, file: 'Предложение.txt' }]);

    // The buyer answers from another address: the thread puts it on the deal all the same.
    a.clock.now += HOUR;
    await s.imap().deliver(box('ivan'), {
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
    const other = await created(ivan, 'deals', { title: 'Другая', pipelineId: s.sales().id });
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
      const deal = await created(ivan, 'deals', { title: 'Отказ', pipelineId: s.sales().id });
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
