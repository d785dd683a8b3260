import { beforeAll, expect, it } from 'vitest';
import { apiSuite, fixtureJson, START } from './api-harness.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

/**
 * ann has three open tasks from 2029-12-31 09:00 UTC (12:00 in Moscow, the calendar's UTC+3): due at
 * 11:00 UTC that day, due at 09:00 UTC the next day, and without a deadline. bob has one of his own.
 */
apiSuite('my tasks: due today and counts', (api) => {
  let ann: Session;
  beforeAll(async () => {
    await addPeople(api(), usersWhoSignIn('ann', 'bob'));
    await api().publish(fixtureJson('api/due.json'));
    await api().start('due', { reviewer: 'ann' });
    await api().start('due', { reviewer: 'bob' });
    ann = await signIn(api().app, 'ann');
  });

  const dueToday = async () => {
    const res = await ann.call('GET', '/api/v1/tasks?scope=mine&dueToday=true');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { nodeId: string }[]; counts: unknown };
  };

  it('at noon in Moscow: the task due in two hours is due today; counts of my open tasks', async () => {
    const mine = await dueToday();
    expect(mine.items.map((t) => t.nodeId)).toEqual(['soon']);
    expect(mine.counts).toEqual({ open: 3, overdue: 0, dueToday: 1 });
  });

  it('after its deadline the task is overdue and still due today', async () => {
    api().clock.now = START + 3 * 3_600_000;
    const mine = await dueToday();
    expect(mine.items.map((t) => t.nodeId)).toEqual(['soon']);
    expect(mine.counts).toEqual({ open: 3, overdue: 1, dueToday: 1 });
  });

  it('"today" is the company’s day: at 01:00 in Moscow (22:00 UTC) tomorrow’s 09:00 UTC deadline is today', async () => {
    api().clock.now = Date.parse('2029-12-31T22:00:00.000Z');
    ann = await signIn(api().app, 'ann'); // sessions last 12 hours
    const mine = await dueToday();
    expect(mine.items.map((t) => t.nodeId).sort()).toEqual(['later', 'soon']);
    expect(mine.counts).toEqual({ open: 3, overdue: 1, dueToday: 2 });
    const notToday = (await ann.call('GET', '/api/v1/tasks?scope=mine&dueToday=false')).json();
    expect(notToday.items.map((t: { nodeId: string }) => t.nodeId)).toEqual(['whenever']);
  });

  it('counts are my open tasks, whatever else the list is narrowed to', async () => {
    const completed = (await ann.call('GET', '/api/v1/tasks?scope=mine&status=completed')).json();
    expect(completed).toMatchObject({ items: [], counts: { open: 3, overdue: 1, dueToday: 2 } });
    const everything = (await ann.call('GET', '/api/v1/tasks')).json();
    expect(everything.counts).toBeUndefined();
  });
});
