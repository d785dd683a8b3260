import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bumpCounter } from '../../src/db/counters.ts';
import { enqueue } from '../../src/jobs/enqueue.ts';
import { emailHandler } from '../../src/jobs/handlers/email.ts';
import { notifyHandler } from '../../src/jobs/handlers/notify.ts';
import type { Worker } from '../../src/jobs/worker.ts';
import { DIALECTS } from '../support/databases.ts';
import { startTestWorker } from '../support/jobs.ts';
import { jobsSuiteRuntime } from '../support/runtime.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp-receiver.ts';

const KEY = 'i-1:mail:1';
const FROM = 'Baton <baton@firm.example>';

/**
 * The e-mail handler run by a real Worker off the real queue, through a real SMTP server on loopback:
 * who the message goes to (addresses and people), what it carries, and what each SMTP answer does.
 */
describe.each(DIALECTS)('e-mail delivery through a worker on %s', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  const t = jobsSuiteRuntime(dialect);

  beforeAll(async () => {
    const now = t().clock.now();
    const person = (id: string, email: string | null, manager_id: string | null = null) => ({
      id,
      login: id,
      email,
      name: id,
      position: null,
      department_id: null,
      manager_id,
      active: 1,
      locale: null,
      time_zone: null,
      password_hash: null,
      email_tasks: 1,
      email_notifications: 1,
      created_at: now,
      updated_at: now,
    });
    await t()
      .db.kysely.transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('users')
          .values([
            person('boris', 'boris@firm.example'),
            person('ann', 'ann@firm.example', 'boris'),
            person('vera', null),
          ])
          .execute();
        // ann's chain of heads, as the org service materialises it: `head:ann` is boris.
        await trx
          .insertInto('reporting_lines')
          .values({ user_id: 'ann', depth: 1, head_id: 'boris' })
          .execute();
        await bumpCounter(trx, 'org_version');
      });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** A worker sending e-mail (and notifications, copied by e-mail) through `url`; it stops at the end of the test. */
  const workerFor = (url: string, publicUrl: string | null = null) => {
    const mail = { url, from: FROM, publicUrl };
    const worker = startTestWorker(t().rt, [emailHandler(mail), notifyHandler(mail)]);
    cleanups.push(() => worker.stop());
    return worker;
  };
  const receiverWith = async (...args: Parameters<typeof startSmtpReceiver>): Promise<SmtpReceiver> => {
    const receiver = await startSmtpReceiver(...args);
    cleanups.push(() => receiver.close());
    return receiver;
  };
  const send = async (
    worker: Worker,
    mail: { to: string[]; cc?: string[]; subject?: string; body?: string },
  ) => {
    const effect = {
      type: 'sendEmail',
      key: KEY.slice(KEY.indexOf(':') + 1),
      nodeId: 'remind',
      to: mail.to,
      cc: mail.cc ?? [],
      subject: mail.subject ?? 'Напоминание',
      body: mail.body ?? 'Text',
    };
    await enqueue(
      t().db.kysely,
      [{ kind: 'sendEmail', key: KEY, instanceId: 'i-1', payload: effect, dueAt: t().clock.now() }],
      t().clock.now(),
    );
    worker.wake();
  };
  /** Queues a notification of node `approve` as a step would (key `i-1:<effect key>`) and wakes the worker. */
  const notifyThrough = async (
    worker: Worker,
    notify: { key: string; to: string[]; text: string; message?: unknown },
  ) => {
    const now = t().clock.now();
    const payload = { type: 'notify', nodeId: 'approve', ...notify };
    await enqueue(
      t().db.kysely,
      [{ kind: 'notify', key: `i-1:${notify.key}`, instanceId: 'i-1', payload, dueAt: now }],
      now,
    );
    worker.wake();
  };
  const row = () =>
    t().db.kysely.selectFrom('jobs').selectAll().where('key', '=', KEY).executeTakeFirstOrThrow();

  it('sends to the addresses and to the people references name, with the rendered subject and text', async () => {
    const receiver = await receiverWith();
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    await send(worker, {
      to: ['ann', 'head:ann', 'Client Co <client@buyer.example>'],
      cc: ['vera', 'client@buyer.example'],
      subject: 'Коммерческое предложение\r\nBcc: spy@evil.example',
      body: 'Анна, напомните о себе клиенту.\nСрок — неделя.',
    });

    await expect.poll(() => row()).toMatchObject({ status: 'done', attempts: 1 });
    const [message] = receiver.accepted();
    expect(message?.envelopeTo.sort()).toEqual([
      'ann@firm.example',
      'boris@firm.example',
      'client@buyer.example',
    ]);
    expect(message?.mail.from?.text).toBe('"Baton" <baton@firm.example>');
    expect(message?.mail.subject).toBe('Коммерческое предложение Bcc: spy@evil.example');
    expect(message?.mail.text?.trimEnd()).toBe('Анна, напомните о себе клиенту.\nСрок — неделя.');
    expect(message?.mail.cc).toMatchObject({ text: 'client@buyer.example' });
    expect(message?.mail.messageId).toMatch(/^<[0-9a-f]{32}@firm\.example>$/);
    expect(message?.mail.headers.has('bcc')).toBe(false);
  });

  it('a subject is one line of at most 500 characters, however long and broken the rendered text', async () => {
    const receiver = await receiverWith();
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    await send(worker, {
      to: ['ann'],
      subject: `Quote\n\n   for ${'x'.repeat(1000)}${' '.repeat(100_000)}\r\nend`,
    });

    await expect.poll(() => receiver.accepted().length).toBe(1);
    const subject = receiver.accepted()[0]?.mail.subject ?? '';
    expect(subject).toHaveLength(500);
    expect(subject).toMatch(/^Quote for x+…$/);
  });

  it('a 4xx answer is retried after the back-off, and the repeat carries the same Message-ID', async () => {
    const receiver = await receiverWith([451]);
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    await send(worker, { to: ['ann'] });

    await expect.poll(() => row()).toMatchObject({ status: 'pending', attempts: 1, locked_by: null });
    expect((await row()).last_error).toContain('451');
    t().clock.advance((await row()).due_at - t().clock.now());
    worker.wake();

    await expect.poll(() => row()).toMatchObject({ status: 'done', attempts: 2 });
    const ids = receiver.received.map((r) => r.mail.messageId);
    expect(receiver.received.map((r) => r.answer)).toEqual([451, 250]);
    expect(ids[0]).toBe(ids[1]);
  });

  it('a 5xx answer is final: the job is dead at once with the answer recorded', async () => {
    const receiver = await receiverWith([550]);
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    await send(worker, { to: ['ann'] });

    await expect.poll(() => row()).toMatchObject({ status: 'dead', attempts: 1, locked_by: null });
    expect((await row()).last_error).toMatch(/^e-mail at remind: .*550/);
    expect(receiver.received).toHaveLength(1);
  });

  it('an SMTP server that refuses the connection is a failed attempt, retried', async () => {
    const receiver = await startSmtpReceiver();
    await receiver.close(); // its port, now closed
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    await send(worker, { to: ['ann'] });

    await expect.poll(() => row()).toMatchObject({ status: 'pending', attempts: 1, locked_by: null });
    expect((await row()).last_error).toContain('ECONNREFUSED');
  });

  it('signs in with the URL’s user and password; a refused sign-in is final and never shows the password', async () => {
    const login = { user: 'baton', password: 's3cret-pass' };
    const receiver = await receiverWith([], login);
    const worker = workerFor(`smtp://baton:s3cret-pass@127.0.0.1:${receiver.port}`);
    await send(worker, { to: ['ann'] });
    await expect.poll(() => row()).toMatchObject({ status: 'done' });
    expect(receiver.accepted()[0]?.user).toBe('baton');

    await t().db.kysely.deleteFrom('jobs').execute();
    const wrong = workerFor(`smtp://baton:wrong-pass@127.0.0.1:${receiver.port}`);
    await worker.stop();
    await send(wrong, { to: ['ann'] });
    await expect.poll(() => row()).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await row()).last_error).toContain('535');
    expect((await row()).last_error).not.toContain('wrong-pass');
  });

  it('a notification also goes by e-mail to each recipient with an address, with a link to the process', async () => {
    const receiver = await receiverWith();
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`, 'https://baton.firm.example');
    const notify = {
      key: 'remind:1',
      to: ['head:ann', 'vera'],
      text: 'Overdue: "Approve the contract" (ann)\nPlease look.',
    };
    await notifyThrough(worker, notify);

    await expect.poll(() => receiver.accepted().length).toBe(1);
    const [message] = receiver.accepted();
    expect(message?.envelopeTo).toEqual(['boris@firm.example']);
    expect(message?.mail.subject).toBe('Overdue: "Approve the contract" (ann)');
    expect(message?.mail.text?.trimEnd()).toBe(
      'Overdue: "Approve the contract" (ann)\nPlease look.\n\nhttps://baton.firm.example/processes/i-1',
    );
    const jobs = await t().db.kysely.selectFrom('jobs').select(['key', 'status']).orderBy('key').execute();
    expect(jobs).toEqual([
      { key: 'i-1:remind:1', status: 'done' },
      { key: 'i-1:remind:1:email:boris', status: 'done' },
    ]);
    const told = await t()
      .db.kysely.selectFrom('notifications')
      .select('recipient')
      .where('node_id', '=', 'approve')
      .execute();
    expect(told.map((n) => n.recipient).sort()).toEqual(['boris', 'vera']);
  });

  it("words Baton's own reminder in each reader's language and time zone in the e-mail copy", async () => {
    const receiver = await receiverWith();
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    const reader = (locale: string | null, time_zone: string | null) =>
      t().db.kysely.updateTable('users').set({ locale, time_zone }).where('id', '=', 'boris').execute();
    await reader('ru-RU', 'Europe/Moscow');
    cleanups.push(() => reader(null, null).then(() => undefined));
    const dueAt = Date.UTC(2030, 0, 8, 9, 0);
    const notify = {
      key: 'remind:2',
      to: ['boris', 'ann'],
      text: `Reminder: "Approve the contract" is due ${new Date(dueAt).toISOString()}`,
      message: { key: 'taskReminder', title: 'Approve the contract', dueAt },
    };
    await notifyThrough(worker, notify);

    await expect.poll(() => receiver.accepted().length).toBe(2);
    const subjects = Object.fromEntries(receiver.accepted().map((r) => [r.envelopeTo[0], r.mail.subject]));
    expect(subjects['boris@firm.example']).toMatch(
      /^Напоминание: «Approve the contract», срок 8 янв\. 2030 г\., 12:00 (GMT\+3|MSK)$/,
    );
    expect(subjects['ann@firm.example']).toMatch(
      /^Reminder: “Approve the contract” is due Jan 8, 2030, 09:00 AM (UTC|GMT)$/,
    );
  });

  it('a notification is not copied by e-mail to someone who turned the copies off', async () => {
    const receiver = await receiverWith();
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    const copies = (on: number) =>
      t().db.kysely.updateTable('users').set({ email_notifications: on }).where('id', '=', 'ann').execute();
    await copies(0);
    cleanups.push(async () => void (await copies(1)));
    const notify = {
      key: 'note:1',
      to: ['ann', 'boris'],
      text: 'Heads up',
    };
    await notifyThrough(worker, notify);

    await expect.poll(() => receiver.accepted().length).toBe(1);
    expect(receiver.accepted()[0]?.envelopeTo).toEqual(['boris@firm.example']);
    const keys = await t()
      .db.kysely.selectFrom('jobs')
      .select('key')
      .where('kind', '=', 'sendEmail')
      .execute();
    expect(keys.map((k) => k.key)).toEqual(['i-1:note:1:email:boris']);
  });

  it('no recipient with an e-mail address: dead at once, naming each one that could not be reached', async () => {
    const receiver = await receiverWith();
    const worker = workerFor(`smtp://127.0.0.1:${receiver.port}`);
    // A template that rendered 200,000 characters: refused by length — the address pattern takes time
    // quadratic in such a text (30 s for this one), so it never runs on it.
    const huge = `a@${'b.'.repeat(100_000)},`;
    await send(worker, { to: ['vera', 'nobody', 'not an address@', huge], cc: ['role:nobody-holds-it'] });

    await expect.poll(() => row()).toMatchObject({ status: 'dead', attempts: 1 });
    const error = (await row()).last_error;
    expect(error).toContain('no recipient has an e-mail address');
    for (const who of ['vera (no e-mail)', 'nobody', 'not an address@', '(200003 characters)'])
      expect(error).toContain(who);
    expect(receiver.received).toEqual([]);
  });
});
