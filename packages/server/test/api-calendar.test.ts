import pino from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { startInstance } from '../src/instances/start.ts';
import { boot } from '../src/runtime/boot.ts';
import { type Api, apiSuite, fixtureJson, PG_ADMIN_URL, TOKEN } from './api-harness.ts';
import { addPeople, tasksOf } from './support/org.ts';
import { signIn } from './support/people.ts';

/** Moscow local time as an instant (the shipped calendar's offset is UTC+3). */
const moscow = (local: string) => Date.parse(`${local}+03:00`);

/** Starts the working-deadline process at `at`; its task's deadline and the `workDateAdd` date. */
async function deadlineFrom(
  api: Api,
  at: number,
  from: string,
): Promise<{ dueAt: string | null; due: unknown }> {
  api.clock.now = at;
  const res = await api.call('POST', '/api/v1/instances', {
    definitionKey: 'working-deadline',
    params: { from },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const [task] = await tasksOf(api, id, 'open');
  const variables = (await api.call('GET', `/api/v1/instances/${id}`)).json().variables;
  return { dueAt: task?.dueAt ?? null, due: variables.due };
}

apiSuite('the working calendar', (api) => {
  beforeAll(async () => {
    await addPeople(api(), { users: [{ id: 'ivan', canSignIn: true }] });
    await api().publish(fixtureJson('people/working-deadline.json'));
  });

  it('ships the Russian production calendar for 2026 and 2027 and Monday–Friday 09:00–18:00 Moscow time', async () => {
    const calendar = (await api().call('GET', '/api/v1/calendar')).json();
    expect(calendar).toEqual({
      workdays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
      utcOffsetMinutes: 180,
      years: [2026, 2027],
    });
    const y2026 = (await api().call('GET', '/api/v1/calendar/2026')).json();
    const off = y2026.days
      .filter((d: { kind: string }) => d.kind === 'holiday')
      .map((d: { date: string }) => d.date);
    expect(off).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-02-23',
      '2026-03-08',
      '2026-03-09',
      '2026-05-01',
      '2026-05-09',
      '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ]);
    const y2027 = (await api().call('GET', '/api/v1/calendar/2027')).json();
    expect(
      y2027.days.filter((d: { kind: string }) => d.kind === 'holiday').map((d: { date: string }) => d.date),
    ).toEqual(
      expect.arrayContaining([
        '2027-05-03',
        '2027-05-10',
        '2027-06-14',
        '2027-11-04',
        '2027-03-08',
        '2027-02-23',
      ]),
    );
  });

  it('a P1D working deadline set on Friday 17:00 lands on Monday 17:00', async () => {
    const { dueAt } = await deadlineFrom(api(), moscow('2026-07-03T17:00:00'), '2026-07-03');
    expect(dueAt).toBe('2026-07-06T14:00:00.000Z');
  });

  it('skips the holidays of the shipped calendar (deadlines and workDateAdd)', async () => {
    // Thursday before Russia Day (Friday 12 June 2026, a holiday), then the weekend.
    expect(await deadlineFrom(api(), moscow('2026-06-11T17:00:00'), '2026-06-11')).toEqual({
      dueAt: '2026-06-15T14:00:00.000Z',
      due: '2026-06-15',
    });
    // 31 December 2026 is a day off moved from 4 January; 1–8 January are holidays; 9–10 a weekend.
    expect(await deadlineFrom(api(), moscow('2026-12-30T17:00:00'), '2026-12-30')).toEqual({
      dueAt: '2027-01-11T14:00:00.000Z',
      due: '2027-01-11',
    });
  });

  it('ends a shortened pre-holiday day an hour early', async () => {
    // Thursday 11 June 2026, before Russia Day, is worked until 17:00: a day from Wednesday 17:30 ends there.
    const { dueAt } = await deadlineFrom(api(), moscow('2026-06-10T17:30:00'), '2026-06-10');
    expect(dueAt).toBe(new Date(moscow('2026-06-11T17:00:00')).toISOString());
  });

  it('is edited through the API by administrators, and every process computes with the new days at once', async () => {
    const second = await boot({
      databaseUrl: databaseUrl(api()),
      worker: false,
      adminToken: TOKEN,
      now: () => api().clock.now,
      log: pino({ level: 'silent' }),
    });
    try {
      const dueIn = async (process: 'first' | 'second') => {
        api().clock.now = moscow('2026-07-03T17:00:00');
        if (process === 'first') return (await deadlineFrom(api(), api().clock.now, '2026-07-03')).dueAt;
        const started = await startInstance(second.rt, {
          definitionKey: 'working-deadline',
          params: { from: '2026-07-03' },
        });
        return (await tasksOf(api(), started.id, 'open'))[0]?.dueAt;
      };
      expect(await dueIn('second')).toBe('2026-07-06T14:00:00.000Z');

      const ivan = await signIn(api().app, 'ivan');
      const refused = await ivan.call('PUT', '/api/v1/calendar/2026', { days: [] });
      expect(refused.statusCode).toBe(403);

      const days = (await api().call('GET', '/api/v1/calendar/2026')).json().days;
      const companyDay = { date: '2026-07-06', kind: 'holiday', name: 'Company day' };
      const put = await api().call('PUT', '/api/v1/calendar/2026', { days: [...days, companyDay] });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().days).toContainEqual(companyDay);
      expect(await dueIn('first')).toBe('2026-07-07T14:00:00.000Z');
      expect(await dueIn('second')).toBe('2026-07-07T14:00:00.000Z');

      // A six-day week, hours 10–19 (Moscow).
      const week = await api().call('PUT', '/api/v1/calendar', {
        workdays: [1, 2, 3, 4, 5, 6],
        start: '10:00',
        end: '19:00',
        utcOffsetMinutes: 180,
      });
      expect(week.statusCode, week.body).toBe(200);
      expect(await dueIn('second')).toBe('2026-07-04T14:00:00.000Z');

      const backwards = await api().call('PUT', '/api/v1/calendar', {
        workdays: [1, 2, 3, 4, 5],
        start: '18:00',
        end: '09:00',
        utcOffsetMinutes: 180,
      });
      expect(backwards.statusCode).toBe(422);
      expect(backwards.json()).toMatchObject({ code: 'INVALID_CALENDAR' });
      const outside = await api().call('PUT', '/api/v1/calendar/2026', {
        days: [{ date: '2027-01-01', kind: 'holiday' }],
      });
      expect(outside.statusCode).toBe(422);
      expect(outside.json().errors).toEqual([{ path: 'body.days.0.date', message: 'not in 2026' }]);
    } finally {
      await second.close();
    }
  });
});

/** The URL of the suite's own database, for a second process on it. */
function databaseUrl(api: Api): string {
  const { description } = api.baton.rt.db;
  if (description.startsWith('sqlite:')) return description;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = new URL(description).pathname;
  return url.toString();
}
