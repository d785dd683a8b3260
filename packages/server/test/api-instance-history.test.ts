import { beforeAll, expect, it } from 'vitest';
import { type Api, apiSuite } from './api-harness.ts';
import { tasksOf } from './support/org.ts';
import { createUser, signIn } from './support/people.ts';

/** start → split → a (alice), b (bob) → join → review (carol) → end. */
const relay = {
  key: 'relay',
  name: 'Relay',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'split', type: 'parallel' },
    { id: 'a', type: 'userTask', config: { kind: 'acknowledge', assignees: ['"alice"'] } },
    { id: 'b', type: 'userTask', config: { kind: 'acknowledge', assignees: ['"bob"'] } },
    { id: 'join', type: 'parallel' },
    { id: 'review', type: 'userTask', config: { kind: 'acknowledge', assignees: ['"carol"'] } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    ['start', 'split'],
    ['split', 'a'],
    ['split', 'b'],
    ['a', 'join'],
    ['b', 'join'],
    ['join', 'review'],
    ['review', 'end'],
  ].map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
};

interface Entry {
  seq: number;
  type: string;
  nodeId?: string;
  taskId?: string;
  tookMs: number | null;
  comment?: string;
}

const MINUTE = 60_000;

apiSuite('an instance’s summaries and history pages', (api) => {
  let id = '';

  /** Runs relay to its review step: a answered after 5 minutes with a comment, b after 7. */
  beforeAll(async () => {
    const a = api();
    for (const person of ['alice', 'bob', 'carol']) await createUser(a, { id: person });
    await a.publish(relay);
    const started = await a.call('POST', '/api/v1/instances', { definitionKey: 'relay', params: {} });
    expect(started.statusCode, started.body).toBe(201);
    id = started.json().id;
    const open = await tasksOf(a, id, 'open');
    const taskAt = (node: string) => open.find((t) => t.nodeId === node)?.id as string;
    const t0 = a.clock.now;
    a.clock.now = t0 + 5 * MINUTE;
    await complete(a, taskAt('a'), { comment: 'Read it' });
    a.clock.now = t0 + 7 * MINUTE;
    await complete(a, taskAt('b'), {});
  });

  it('says where it is, what it did and who took part, without the join a merged branch left', async () => {
    const res = await api().call('GET', `/api/v1/instances/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.progress.current).toEqual(['review']);
    expect(detail.progress.nodes).toMatchObject({ a: 'done', b: 'done', join: 'done', review: 'active' });
    expect([...detail.progress.flows].sort()).toEqual(
      ['a-join', 'b-join', 'join-review', 'split-a', 'split-b', 'start-split'].sort(),
    );
    // The administrator started it and answered for alice and bob; carol holds the open task.
    expect([...detail.participants].sort()).toEqual(['admin', 'alice', 'bob', 'carol']);
    expect(detail.historyTotal).toBe(detail.history.length);
  });

  it('gives the newest historyLimit events with their numbers, and only open tasks when asked', async () => {
    const { call } = api();
    const full = (await call('GET', `/api/v1/instances/${id}`)).json();
    const res = await call('GET', `/api/v1/instances/${id}?historyLimit=3&tasks=open`);
    expect(res.statusCode, res.body).toBe(200);
    const some = res.json();
    expect(some.history).toEqual(full.history.slice(-3));
    expect(some.history.map((h: Entry) => h.seq)).toEqual([
      full.historyTotal - 2,
      full.historyTotal - 1,
      full.historyTotal,
    ]);
    expect(some.historyTotal).toBe(full.historyTotal);
    expect(some.tasks.map((t: { nodeId: string }) => t.nodeId)).toEqual(['review']);
    expect(full.tasks).toHaveLength(3);
    // The summaries still count every task: alice and bob answered tasks no longer open.
    expect(some.participants).toEqual(full.participants);
    expect(some.responses).toEqual(full.responses);
    expect((await call('GET', `/api/v1/instances/${id}?historyLimit=0`)).json().history).toEqual([]);
  });

  it('pages the history newest first to its first event, each step with its duration and comment', async () => {
    const { call } = api();
    const full = (await call('GET', `/api/v1/instances/${id}`)).json();
    const pages: Entry[][] = [];
    let before: number | null = null;
    do {
      const res = await call(
        'GET',
        `/api/v1/instances/${id}/history?limit=4${before ? `&before=${before}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.total).toBe(full.historyTotal);
      expect(page.items.length).toBeLessThanOrEqual(4);
      pages.push(page.items);
      before = page.nextBefore;
    } while (before !== null);
    const walked = pages.reverse().flat();
    expect(walked.map((e) => e.seq)).toEqual(full.history.map((h: Entry) => h.seq));
    expect(walked.map(({ tookMs, comment, ...event }) => event)).toEqual(full.history);

    const answered = walked.filter((e) => e.type === 'task.completed');
    expect(answered.map((e) => [e.nodeId, e.tookMs, e.comment])).toEqual([
      ['a', 5 * MINUTE, 'Read it'],
      ['b', 7 * MINUTE, undefined],
    ]);
    expect(walked.find((e) => e.type === 'instance.started')?.tookMs).toBeNull();
  });

  it('shows only the key steps in the key view, the same pages as filtering every event', async () => {
    const { call } = api();
    const all = (await call('GET', `/api/v1/instances/${id}/history?limit=1000`)).json();
    const key = (await call('GET', `/api/v1/instances/${id}/history?view=key&limit=2`)).json();
    const keyTypes = new Set(['instance.started', 'task.created', 'task.completed', 'gateway.decided']);
    const expected = all.items.filter((e: Entry) => keyTypes.has(e.type));
    expect(key.total).toBe(expected.length);
    expect(key.items).toEqual(expected.slice(-2));
    expect(key.nextBefore).toBe(expected.at(-2).seq);
    const older = (
      await call('GET', `/api/v1/instances/${id}/history?view=key&limit=2&before=${key.nextBefore}`)
    ).json();
    expect(older.items).toEqual(expected.slice(-4, -2));
    expect(all.items.some((e: Entry) => e.type === 'node.entered')).toBe(true);
  });

  it('answers a poll of an unchanged history 304 by its ETag, and the next event with a new one', async () => {
    const { call } = api();
    const page = `/api/v1/instances/${id}/history?view=key&limit=10`;
    const first = await call('GET', page);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"\d+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const same = await call('GET', page, undefined, { 'if-none-match': tag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect((await call('GET', page, undefined, { 'if-none-match': `W/"0", ${tag}` })).statusCode).toBe(304);

    const [review] = await tasksOf(api(), id, 'open');
    await complete(api(), review?.id as string, { comment: 'Done' });
    const next = await call('GET', page, undefined, { 'if-none-match': tag });
    expect(next.statusCode).toBe(200);
    expect(next.headers.etag).not.toBe(tag);
    expect(next.json().items.at(-1).type).toBe('instance.completed');
  });

  it('refuses bad paging with the parameter named, and hides the history of an instance one does not see', async () => {
    const a = api();
    for (const query of ['historyLimit=-1', 'historyLimit=abc', 'tasks=closed']) {
      const res = await a.call('GET', `/api/v1/instances/${id}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().detail ?? res.json().title, query).toContain(query.split('=')[0]);
    }
    for (const query of ['limit=0', 'limit=1001', 'before=0', 'before=x', 'view=some']) {
      const res = await a.call('GET', `/api/v1/instances/${id}/history?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json()), query).toContain(query.split('=')[0]);
    }
    expect((await a.call('GET', '/api/v1/instances/no-such/history')).statusCode).toBe(404);
    await createUser(a, { id: 'stranger' });
    const stranger = await signIn(a.app, 'stranger');
    const hidden = await stranger.call('GET', `/api/v1/instances/${id}/history`);
    expect(hidden.statusCode).toBe(404);
  });
});

async function complete(api: Api, taskId: string, body: { comment?: string }) {
  const res = await api.call('POST', `/api/v1/tasks/${encodeURIComponent(taskId)}/complete`, {
    variables: {},
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
}
