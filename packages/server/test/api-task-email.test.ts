import { afterEach, expect, it } from 'vitest';
import { absenceStartedHandler } from '../src/absences/started-job.ts';
import { taskEmailHandler } from '../src/jobs/handlers/task-email.ts';
import type { Worker } from '../src/jobs/worker.ts';
import { type Api, apiSuite } from './api-harness.ts';
import { startTestWorker } from './support/jobs.ts';
import { PASSWORD, signIn } from './support/people.ts';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.ts';

const MAIL = { from: 'Baton <baton@firm.example>', publicUrl: 'https://baton.firm.example' };

/** One task for `reviewer`, due in a day. */
const review = {
  key: 'review-mail',
  name: 'Review the contract',
  parameters: [{ id: 'reviewer', type: 'string', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'review',
      type: 'userTask',
      name: 'Review the contract',
      config: { kind: 'review', assignees: ['reviewer'], deadline: 'P1D' },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'review' },
    { id: 'f2', source: 'review', target: 'end' },
  ],
};

const person = (id: string, email: string | null, locale: string, timeZone: string) => ({
  id,
  login: id,
  name: id === 'anna' ? 'Анна' : 'Bob',
  email,
  locale,
  timeZone,
  roles: [],
  password: PASSWORD,
});

/**
 * With e-mail on, a task handed to a person — by a step or by delegation — queues an e-mail to them
 * (`taskEmail`), which a worker sends through a real SMTP server in the reader's language.
 */
apiSuite(
  'e-mail to the person a task is handed to',
  (api) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0)) await cleanup();
    });
    const setUp = async (a: Api) => {
      if ((await a.call('GET', '/api/v1/users/anna')).statusCode === 404) {
        for (const u of [
          person('anna', 'anna@firm.example', 'ru-RU', 'Europe/Moscow'),
          person('bob', 'bob@firm.example', 'en-GB', 'Europe/London'),
          person('olga', null, 'ru-RU', 'Europe/Moscow'),
        ])
          expect((await a.call('POST', '/api/v1/users', u)).statusCode).toBe(201);
        await a.publish(review);
      }
    };
    const receiving = async (a: Api): Promise<{ receiver: SmtpReceiver; worker: Worker }> => {
      const receiver = await startSmtpReceiver();
      const mail = { ...MAIL, url: `smtp://127.0.0.1:${receiver.port}` };
      const worker = startTestWorker(a.baton.rt, [taskEmailHandler(mail), absenceStartedHandler]);
      cleanups.push(
        () => worker.stop(),
        () => receiver.close(),
      );
      return { receiver, worker };
    };
    const jobs = async (a: Api, instanceId: string) =>
      (await a.call('GET', `/api/v1/jobs?kind=taskEmail&instanceId=${instanceId}`)).json().items as {
        status: string;
      }[];

    it('tells the assignee in Russian, with the deadline in their time zone and a link; a delegate in English', async () => {
      const a = api();
      await setUp(a);
      const { receiver } = await receiving(a);
      const id = await a.start(review.key, { reviewer: 'anna' });
      const [task] = await a.openTasks(id);

      await expect.poll(() => receiver.accepted().length).toBe(1);
      const [toAnna] = receiver.accepted();
      expect(toAnna?.envelopeTo).toEqual(['anna@firm.example']);
      expect(toAnna?.mail.subject).toBe('Новое задание: Review the contract');
      // Started 2029-12-31 09:00 UTC, due a day later: 12:00 in Moscow.
      expect(toAnna?.mail.text).toContain('Анна, вам назначено задание «Review the contract».');
      expect(toAnna?.mail.text).toMatch(/Срок: 1 янв\. 2030 г\., 12:00 (MSK|GMT\+3)/);
      expect(toAnna?.mail.text).toContain(
        `Открыть: https://baton.firm.example/tasks/${encodeURIComponent(task?.id ?? '')}`,
      );

      const handed = await a.call('POST', `/api/v1/tasks/${task?.id}/delegate`, { to: 'bob' });
      expect(handed.statusCode, handed.body).toBe(200);
      await expect.poll(() => receiver.accepted().length).toBe(2);
      const toBob = receiver.accepted()[1];
      expect(toBob?.envelopeTo).toEqual(['bob@firm.example']);
      expect(toBob?.mail.subject).toBe('New task: Review the contract');
      expect(toBob?.mail.text).toContain('Bob, you have a new task: “Review the contract”.');
      expect(toBob?.mail.text).toMatch(/Due: Jan 1, 2030, 09:00 AM (GMT|UTC)/);
      // The mail arrives before the worker has recorded its job as done: wait for that too.
      await expect.poll(async () => (await jobs(a, id)).map((j) => j.status)).toEqual(['done', 'done']);
    });

    it('tells the deputy of each task that moves to them when an absence starts', async () => {
      const a = api();
      await setUp(a);
      const { receiver } = await receiving(a);
      await a.start(review.key, { reviewer: 'anna' });
      await expect.poll(() => receiver.accepted().length).toBe(1);

      const away = await a.call('POST', '/api/v1/absences', {
        userId: 'anna',
        from: '2029-12-31',
        to: '2030-01-10',
        kind: 'vacation',
        deputyId: 'bob',
      });
      expect(away.statusCode, away.body).toBe(201);

      await expect.poll(() => receiver.accepted().length).toBe(2);
      const toBob = receiver.accepted()[1];
      expect(toBob?.envelopeTo).toEqual(['bob@firm.example']);
      expect(toBob?.mail.subject).toBe('New task: Review the contract');
      await a.call('DELETE', `/api/v1/absences/${away.json().id}`);
    });

    it('tells a deputy of the tasks that move to them at once in one letter, each with its deadline and link', async () => {
      const a = api();
      await setUp(a);
      for (const u of [
        person('vera', 'vera@firm.example', 'ru-RU', 'Europe/Moscow'),
        person('gleb', 'gleb@firm.example', 'ru-RU', 'Europe/Moscow'),
      ])
        expect((await a.call('POST', '/api/v1/users', u)).statusCode).toBe(201);
      const { receiver } = await receiving(a);
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await a.start(review.key, { reviewer: 'vera' }));
      const toGleb = () => receiver.accepted().filter((m) => m.envelopeTo.includes('gleb@firm.example'));
      await expect.poll(() => receiver.accepted().length).toBe(3);

      const away = await a.call('POST', '/api/v1/absences', {
        userId: 'vera',
        from: '2029-12-31',
        to: '2030-01-10',
        kind: 'sickLeave',
        deputyId: 'gleb',
      });
      expect(away.statusCode, away.body).toBe(201);
      await expect.poll(() => toGleb().length).toBe(1);
      const [letter] = toGleb();
      expect(letter?.mail.subject).toBe('Новые задания: 3');
      expect(letter?.mail.text).toContain('Bob, вам назначены задания (3):');
      for (const id of ids) {
        const [task] = await a.openTasks(id);
        expect(letter?.mail.text).toContain(
          `Открыть: https://baton.firm.example/tasks/${encodeURIComponent(task?.id ?? '')}`,
        );
      }
      expect(letter?.mail.text?.match(/— Review the contract\nСрок: 1 янв\. 2030 г\., 12:00/g)).toHaveLength(
        3,
      );
      await expect
        .poll(
          async () => (await a.call('GET', '/api/v1/jobs?kind=taskEmail&status=pending')).json().items.length,
        )
        .toBe(0);
      expect(toGleb()).toHaveLength(1);
      await a.call('DELETE', `/api/v1/absences/${away.json().id}`);
    });

    it('says e-mail is on, through which server and from whom, without credentials', async () => {
      expect((await api().call('GET', '/api/v1/jobs/email')).json()).toEqual({
        on: true,
        server: 'smtp://127.0.0.1:25',
        from: MAIL.from,
      });
    });

    it('tells the head of each task that moves to them when its holder is deactivated', async () => {
      const a = api();
      await setUp(a);
      const { receiver } = await receiving(a);
      const id = await a.start(review.key, { reviewer: 'anna' });
      await expect.poll(() => receiver.accepted().length).toBe(1);

      expect((await a.call('PATCH', '/api/v1/users/anna', { managerId: 'bob' })).statusCode).toBe(200);
      cleanups.push(
        async () => void (await a.call('PATCH', '/api/v1/users/anna', { active: true, managerId: null })),
      );
      const gone = await a.call('PATCH', '/api/v1/users/anna', { active: false });
      expect(gone.statusCode, gone.body).toBe(200);

      await expect.poll(() => receiver.accepted().length).toBe(2);
      expect(receiver.accepted()[1]?.envelopeTo).toEqual(['bob@firm.example']);
      expect((await a.openTasks(id)).length).toBe(1);
    });

    it('tells the head likewise when an organisation import deactivates the holder', async () => {
      const a = api();
      await setUp(a);
      const { receiver } = await receiving(a);
      await a.start(review.key, { reviewer: 'anna' });
      await expect.poll(() => receiver.accepted().length).toBe(1);
      expect((await a.call('PATCH', '/api/v1/users/anna', { managerId: 'bob' })).statusCode).toBe(200);
      cleanups.push(
        async () => void (await a.call('PATCH', '/api/v1/users/anna', { active: true, managerId: null })),
      );

      const imported = await a.call('POST', '/api/v1/org/import', {
        users: 'login,name,active\nanna,Анна,false',
      });
      expect(imported.statusCode, imported.body).toBe(200);

      await expect.poll(() => receiver.accepted().length).toBe(2);
      expect(receiver.accepted()[1]?.envelopeTo).toEqual(['bob@firm.example']);
    });

    it('sends nothing to someone who turned task e-mails off, and says so in /auth/me', async () => {
      const a = api();
      await setUp(a);
      const bob = await signIn(a.app, 'bob');
      const off = await bob.call('PATCH', '/api/v1/auth/me/email-preferences', { tasks: false });
      expect(off.statusCode, off.body).toBe(200);
      expect(off.json()).toEqual({ tasks: false, notifications: true });
      expect((await bob.call('GET', '/api/v1/auth/me')).json().emailPreferences).toEqual({
        tasks: false,
        notifications: true,
      });
      const { receiver } = await receiving(a);
      const id = await a.start(review.key, { reviewer: 'bob' });

      await expect.poll(async () => (await jobs(a, id)).map((j) => j.status)).toEqual(['done']);
      expect(receiver.received).toEqual([]);
      expect((await bob.call('PATCH', '/api/v1/auth/me/email-preferences', { tasks: true })).json()).toEqual({
        tasks: true,
        notifications: true,
      });
    });

    it.each([
      [{ task: false }, 'body.task'],
      [{ tasks: 'no' }, 'body.tasks'],
    ])('refuses e-mail preferences %j, naming %s', async (body, path) => {
      const a = api();
      await setUp(a);
      const res = await (await signIn(a.app, 'anna')).call(
        'PATCH',
        '/api/v1/auth/me/email-preferences',
        body,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('sends nothing for a task answered before its e-mail went out, or to someone without an address', async () => {
      const a = api();
      await setUp(a);
      const answered = await a.start(review.key, { reviewer: 'anna' });
      const [task] = await a.openTasks(answered);
      expect((await a.call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {} })).statusCode).toBe(
        200,
      );
      const noAddress = await a.start(review.key, { reviewer: 'olga' });

      const { receiver } = await receiving(a);
      await expect
        .poll(async () => [...(await jobs(a, answered)), ...(await jobs(a, noAddress))].map((j) => j.status))
        .toEqual(['done', 'done']);
      expect(receiver.received).toEqual([]);
    });
  },
  { mail: { ...MAIL, url: 'smtp://baton:s3cret@127.0.0.1:25' } },
);

apiSuite('no e-mail to assignees while e-mail is off', (api) => {
  it('queues no task e-mail', async () => {
    const a = api();
    expect(
      (await a.call('POST', '/api/v1/users', person('anna', 'anna@firm.example', 'ru-RU', 'Europe/Moscow')))
        .statusCode,
    ).toBe(201);
    await a.publish(review);
    const id = await a.start(review.key, { reviewer: 'anna' });

    expect(await a.openTasks(id)).toHaveLength(1);
    expect((await a.call('GET', `/api/v1/jobs?kind=taskEmail&instanceId=${id}`)).json().items).toEqual([]);
    expect((await a.call('GET', '/api/v1/jobs/email')).json()).toEqual({
      on: false,
      server: null,
      from: null,
    });
  });
});
