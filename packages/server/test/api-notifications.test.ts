import { beforeAll, expect, it } from 'vitest';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

interface NotificationItem {
  id: string;
  text: string;
  instanceId: string | null;
  nodeId: string | null;
  createdAt: string;
  readAt: string | null;
}

apiSuite('notifications', (api) => {
  let ann: Session;
  let bob: Session;
  beforeAll(async () => {
    await addPeople(api(), usersWhoSignIn('ann', 'bob'));
    await api().publish(fixtureJson('api/notice.json'));
    ann = await signIn(api().app, 'ann');
    bob = await signIn(api().app, 'bob');
  });

  const notifyAnn = async () => {
    await api().start('notice', { to: 'ann', reviewer: 'bob' });
    await runDueJobs(api().baton.rt);
  };

  it('lists my notifications only, newest first, with the unread count', async () => {
    await notifyAnn();
    api().clock.now += 1000;
    await notifyAnn();

    const mine = await ann.call('GET', '/api/v1/notifications');
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json() as { items: NotificationItem[]; unreadCount: number; nextCursor: string | null };
    expect(body.unreadCount).toBe(2);
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({ text: 'Order for ann is in', nodeId: 'tell', readAt: null });
    expect(Date.parse(body.items[0]?.createdAt ?? '')).toBeGreaterThan(
      Date.parse(body.items[1]?.createdAt ?? ''),
    );

    const others = (await bob.call('GET', '/api/v1/notifications')).json();
    expect(others).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it("carries Baton's own reminder as data, for the reader's language, beside its English text", async () => {
    await api().publish({
      key: 'remind-bob',
      name: 'A review with a reminder',
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'review',
          type: 'userTask',
          name: 'Review the contract',
          config: {
            kind: 'acknowledge',
            assignees: ["'bob'"],
            deadline: 'PT4H',
            escalation: { remindBefore: 'PT1H', notifyHeads: false },
          },
        },
        { id: 'end', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'review' },
        { id: 'f2', source: 'review', target: 'end' },
      ],
    });
    const started = api().clock.now;
    await api().start('remind-bob');
    api().clock.now += 3 * 3_600_000 + 1000;
    await runDueJobs(api().baton.rt);

    const [reminder] = (await bob.call('GET', '/api/v1/notifications')).json().items;
    const dueAt = new Date(started + 4 * 3_600_000).toISOString();
    expect(reminder).toMatchObject({
      text: `Reminder: "Review the contract" is due ${dueAt}`,
      message: { key: 'taskReminder', title: 'Review the contract', dueAt },
    });
    // A template's own text has nothing of Baton's to word.
    expect((await ann.call('GET', '/api/v1/notifications?limit=1')).json().items[0].message).toBeNull();
  });

  it('pages with a cursor', async () => {
    const first = (await ann.call('GET', '/api/v1/notifications?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await ann.call('GET', `/api/v1/notifications?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('marks one read (the recipient only: 404 for anyone else), then all', async () => {
    const [newest, oldest] = (await ann.call('GET', '/api/v1/notifications')).json()
      .items as NotificationItem[];
    const stranger = await bob.call('POST', `/api/v1/notifications/${newest?.id}/read`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json()).toMatchObject({ code: 'NOT_FOUND' });

    const read = await ann.call('POST', `/api/v1/notifications/${newest?.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: newest?.id, readAt: new Date(api().clock.now).toISOString() });

    const unread = (await ann.call('GET', '/api/v1/notifications?unread=true')).json();
    expect(unread.items.map((n: NotificationItem) => n.id)).toEqual([oldest?.id]);
    expect(unread.unreadCount).toBe(1);

    const all = await ann.call('POST', '/api/v1/notifications/read-all');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toEqual({ marked: 1 });
    expect((await ann.call('GET', '/api/v1/notifications?unread=true')).json()).toMatchObject({
      items: [],
      unreadCount: 0,
    });
    expect((await ann.call('GET', '/api/v1/notifications')).json().items).toHaveLength(2);
  });
});
