import { beforeAll, expect, it } from 'vitest';
import { apiSuite, START } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

const HOUR = 3_600_000;

/**
 * ann reviews the contract; an hour later the review is taken from her (an interrupting timer) and the
 * process carries on: she is to chase the counterparty instead. The process does not end there, so
 * nothing but the boundary itself closes the review.
 */
const review = {
  key: 'review-or-chase',
  name: 'Review the contract, or chase after an hour',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'userTask', name: 'Review the contract', config: { assignees: ["'ann'"] } },
    { id: 'late', type: 'timerBoundary', attachedTo: 'review', config: { duration: 'PT1H' } },
    { id: 'chase', type: 'userTask', name: 'Chase the counterparty', config: { assignees: ["'ann'"] } },
    { id: 'reviewed', type: 'end' },
    { id: 'chased', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'review' },
    { id: 'f2', source: 'review', target: 'reviewed' },
    { id: 'f3', source: 'late', target: 'chase' },
    { id: 'f4', source: 'chase', target: 'chased' },
  ],
};

apiSuite('timer boundaries', (api) => {
  let ann: Session;
  beforeAll(async () => {
    await addPeople(api(), { users: [{ id: 'ann', canSignIn: true }] });
    await api().publish(review);
    ann = await signIn(api().app, 'ann');
  });

  const inbox = async () => {
    const res = await ann.call('GET', '/api/v1/tasks?scope=mine&status=open');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string; nodeId: string }[]).map((t) => t.nodeId);
  };

  it('an interrupting timer cancels the task it is attached to and opens its own path’s task', async () => {
    const { call, start, openTasks, baton, clock } = api();
    clock.now = START;
    const id = await start(review.key);
    const [task] = await openTasks(id);
    expect(task?.nodeId).toBe('review');
    expect(await inbox()).toEqual(['review']);

    // Not yet: a minute before the deadline nothing is due.
    clock.now = START + HOUR - 60_000;
    expect(await runDueJobs(baton.rt)).toEqual([]);
    expect((await openTasks(id)).map((t) => t.nodeId)).toEqual(['review']);

    clock.now = START + HOUR + 60_000;
    expect(await runDueJobs(baton.rt)).toEqual(['timer']);

    const cancelled = await call('GET', `/api/v1/tasks/${task?.id}`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      id: task?.id,
      nodeId: 'review',
      status: 'cancelled',
      completedAt: new Date(clock.now).toISOString(),
      completedBy: null,
    });
    expect((await openTasks(id)).map((t) => t.nodeId)).toEqual(['chase']);
    expect(await inbox()).toEqual(['chase']);
    expect((await call('GET', `/api/v1/instances/${id}`)).json().status).toBe('running');

    const late = await ann.call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {} });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json()).toMatchObject({ status: 409, code: 'TASK_NOT_OPEN' });
    expect((await call('GET', `/api/v1/tasks/${task?.id}`)).json().status).toBe('cancelled');

    // The boundary's path runs to its own end.
    const [chase] = await openTasks(id);
    const done = await ann.call('POST', `/api/v1/tasks/${chase?.id}/complete`, { variables: {} });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ instance: { id, status: 'completed' } });
    const history = (await call('GET', `/api/v1/instances/${id}`)).json().history as { nodeId?: string }[];
    expect(history.map((h) => h.nodeId)).toContain('chased');
    expect(history.map((h) => h.nodeId)).not.toContain('reviewed');
  });
});
