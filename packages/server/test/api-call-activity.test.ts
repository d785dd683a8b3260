import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';

/** The called process: a manager approves the amount the caller passes. */
const approval = {
  key: 'purchase-approval',
  name: 'Approve a purchase',
  parameters: [{ id: 'amount', type: 'number' }],
  variables: [{ id: 'approved', type: 'boolean' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'userTask', name: 'Approve the purchase', config: { assignees: ["'alice'"] } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'review' },
    { id: 'f2', source: 'review', target: 'end' },
  ],
};

/** The caller: the approval as a call activity, then the order; a failed approval is handled aside. */
const purchase = (definitionKey: string) => ({
  key: 'purchase',
  name: 'Purchase of goods',
  parameters: [{ id: 'amount', type: 'number' }],
  variables: [{ id: 'approved', type: 'boolean' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'approval', type: 'callActivity', config: { definitionKey, params: { amount: 'amount * 2' } } },
    {
      id: 'approvalFailed',
      type: 'errorBoundary',
      attachedTo: 'approval',
      config: { errorCode: 'CALL_FAILED' },
    },
    { id: 'order', type: 'userTask', name: 'Place the order', config: { assignees: ["'alice'"] } },
    { id: 'explain', type: 'userTask', name: 'Find out why', config: { assignees: ["'alice'"] } },
    { id: 'end', type: 'end' },
    { id: 'failedEnd', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'approval' },
    { id: 'f2', source: 'approval', target: 'order' },
    { id: 'f3', source: 'order', target: 'end' },
    { id: 'f4', source: 'approvalFailed', target: 'explain' },
    { id: 'f5', source: 'explain', target: 'failedEnd' },
  ],
});

apiSuite('call activities', (api) => {
  beforeAll(async () => {
    await addPeople(api(), { users: [{ id: 'alice' }] });
    await api().publish(approval);
  });

  /** The child the parent's call activity started (through the worker's startProcess job). */
  async function childOf(parentId: string) {
    const { call } = api();
    const res = await call('GET', `/api/v1/instances?definitionKey=${approval.key}&limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    const children = [];
    for (const item of res.json().items as { id: string }[]) {
      const child = (await call('GET', `/api/v1/instances/${item.id}`)).json();
      if (child.parentId === parentId) children.push(child);
    }
    expect(children).toHaveLength(1);
    return children[0];
  }

  it('starts the child with its parameters and goes on with its variables once its task is completed', async () => {
    const { call, publish, start, openTasks, baton } = api();
    await publish(purchase(approval.key));
    const parent = await start('purchase', { amount: 60 });
    expect(await openTasks(parent)).toEqual([]);
    expect(await runDueJobs(baton.rt)).toEqual(['startProcess']);

    const child = await childOf(parent);
    expect(child).toMatchObject({ status: 'running', variables: { amount: 120 } });
    const [review] = await openTasks(child.id);
    const done = await call('POST', `/api/v1/tasks/${review?.id}/complete`, {
      variables: { approved: true },
    });
    expect(done.json()).toMatchObject({ instance: { id: child.id, status: 'completed' } });

    // The child's end reaches the parent once: a second run finds nothing due.
    expect(await runDueJobs(baton.rt)).toEqual(['callCompleted']);
    expect(await runDueJobs(baton.rt)).toEqual([]);
    // Every variable of the child comes back (Camunda's default too), its `amount` included.
    const resumed = (await call('GET', `/api/v1/instances/${parent}`)).json();
    expect(resumed).toMatchObject({ status: 'running', variables: { amount: 120, approved: true } });
    expect((await openTasks(parent)).map((t) => t.nodeId)).toEqual(['order']);
  });

  it('fails the call when the child is terminated: the error boundary takes the parent aside', async () => {
    const { call, publish, start, openTasks, baton } = api();
    await publish(purchase(approval.key));
    const parent = await start('purchase', { amount: 10 });
    await runDueJobs(baton.rt);
    const child = await childOf(parent);
    const terminated = await call('POST', `/api/v1/instances/${child.id}/terminate`, { reason: 'duplicate' });
    expect(terminated.statusCode, terminated.body).toBe(200);

    expect(await runDueJobs(baton.rt)).toEqual(['callCompleted']);
    expect((await call('GET', `/api/v1/instances/${parent}`)).json().status).toBe('running');
    expect((await openTasks(parent)).map((t) => t.nodeId)).toEqual(['explain']);
  });

  it('fails the call when the called process does not exist', async () => {
    const { publish, start, openTasks, baton } = api();
    await publish(purchase('no-such-process'), 'purchase-unknown');
    const parent = await start('purchase-unknown', { amount: 10 });
    expect(await runDueJobs(baton.rt)).toEqual(['startProcess', 'callCompleted']);
    expect((await openTasks(parent)).map((t) => t.nodeId)).toEqual(['explain']);
  });
});
