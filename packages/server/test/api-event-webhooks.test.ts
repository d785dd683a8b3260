import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { created, createLeadPipeline, createPipeline } from './support/crm.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { signIn } from './support/people.ts';
import { oneStep } from './support/processes.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

/** One approval: the started and ended process and its task are what an integrator mirrors. */
const approval = (key: string) =>
  oneStep(key, { id: 'approve', type: 'userTask', config: { title: 'Approve', assignees: ["'admin'"] } });

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret: 'test' });
});
afterAll(() => receiver.close());

/** What the receiver acted on since `from`, as `event` and data, in the order of their keys' jobs. */
const received = (from: number) =>
  [...receiver.bodies.values()].slice(from).map((b) => b as { event: string; data: Record<string, unknown> });

apiSuite('webhooks for Baton’s events', (api) => {
  let hookId: string;
  beforeAll(async () => {
    await addPeople(api(), { users: [{ id: 'ivan', canSignIn: true }] });
    await api().publish(approval('purchase-approval'));
    await api().publish(approval('other-approval'));
  });

  it('keeps webhooks for administrators, and names what is wrong in one', async () => {
    const a = api();
    const res = await a.call('POST', '/api/v1/webhooks', {
      url: receiver.url,
      events: [
        'instance.started',
        'instance.completed',
        'task.created',
        'task.completed',
        'deal.created',
        'deal.moved',
        'lead.created',
      ],
      definitionKey: 'purchase-approval',
    });
    expect(res.statusCode, res.body).toBe(201);
    hookId = res.json().id;
    expect(res.json()).toMatchObject({ url: receiver.url, active: true, definitionKey: 'purchase-approval' });
    const ivan = await signIn(a.app, 'ivan');
    expect((await ivan.call('GET', '/api/v1/webhooks')).statusCode).toBe(403);
    const bad = await a.call('POST', '/api/v1/webhooks', {
      url: 'ftp://x',
      events: ['deal.sold', 'deal.moved'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.url', 'body.events.0']);
    expect((await a.call('POST', '/api/v1/webhooks', { url: receiver.url, events: [] })).statusCode).toBe(
      400,
    );
    expect((await a.call('GET', '/api/v1/webhooks')).json().items.map((h: { id: string }) => h.id)).toEqual([
      hookId,
    ]);
  });

  it('sends a process’s start, its task and its end, signed, once each, for its template only', async () => {
    const a = api();
    const from = receiver.bodies.size;
    const id = await a.start('purchase-approval');
    await a.start('other-approval');
    await runDueJobs(a.baton.rt);
    // Deliveries are not ordered (each is retried on its own): a receiver orders by `at`.
    expect(
      received(from)
        .map((b) => b.event)
        .sort(),
    ).toEqual(['instance.started', 'task.created']);
    const [task] = await a.openTasks(id);
    expect(received(from).find((b) => b.event === 'task.created')?.data).toMatchObject({
      instanceId: id,
      definitionKey: 'purchase-approval',
      taskId: task?.id,
      nodeId: 'approve',
    });
    const done = await a.call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {} });
    expect(done.statusCode, done.body).toBe(200);
    await runDueJobs(a.baton.rt);
    expect(
      received(from)
        .map((b) => b.event)
        .sort(),
    ).toEqual(['instance.completed', 'instance.started', 'task.completed', 'task.created']);
    expect(receiver.refused).toBe(0);
    expect([...receiver.deliveries.values()].every((n) => n === 1)).toBe(true);
  });

  it('sends a deal’s creation and its moves, with the stage it left, and a lead’s creation', async () => {
    const a = api();
    const pipeline = await createPipeline(a.call, 'Webhook sales');
    const leads = await createLeadPipeline(a.call, 'Webhook leads');
    const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id;
    const from = receiver.bodies.size;
    const deal = await created(a.call, 'deals', { title: 'Bricks', pipelineId: pipeline.id, amount: 1200.5 });
    const moved = await a.call('PATCH', `/api/v1/crm/deals/${deal.id}`, { stageId: stage('Won') });
    expect(moved.statusCode, moved.body).toBe(200);
    const lead = await created(a.call, 'leads', { title: 'Cement', pipelineId: leads.id });
    await runDueJobs(a.baton.rt);
    expect(received(from).sort((x, y) => x.event.localeCompare(y.event))).toEqual([
      expect.objectContaining({
        event: 'deal.created',
        data: expect.objectContaining({
          id: deal.id,
          title: 'Bricks',
          stageId: stage('New'),
          amount: 1200.5,
        }),
      }),
      expect.objectContaining({
        event: 'deal.moved',
        data: expect.objectContaining({ stageId: stage('Won'), stageKind: 'won', fromStageId: stage('New') }),
      }),
      expect.objectContaining({
        event: 'lead.created',
        data: expect.objectContaining({ id: lead.id, title: 'Cement', stageKind: 'open' }),
      }),
    ]);
  });

  it('sends the creation of each deal a CSV import makes', async () => {
    const a = api();
    const from = receiver.bodies.size;
    const csv = [
      'title,pipeline,stage,amount',
      'Sand,Webhook sales,New,10',
      'Gravel,Webhook sales,Won,20',
    ].join('\n');
    const res = await a.call('POST', '/api/v1/crm/import?kind=deals', csv, { 'content-type': 'text/csv' });
    expect(res.json()).toMatchObject({ created: 2 });
    await runDueJobs(a.baton.rt);
    const made = received(from).map((b) => `${b.event} ${b.data.title} ${b.data.stageKind} ${b.data.amount}`);
    expect(made.sort()).toEqual(['deal.created Gravel won 20', 'deal.created Sand open 10']);
  });

  it('lets go of what waits for a webhook switched off, and tests one on demand', async () => {
    const a = api();
    const from = receiver.bodies.size;
    await a.start('purchase-approval');
    const hook = (await a.call('GET', `/api/v1/webhooks/${hookId}`)).json();
    const off = await a.call('PUT', `/api/v1/webhooks/${hookId}`, { ...pick(hook), active: false });
    expect(off.json().active).toBe(false);
    await runDueJobs(a.baton.rt);
    expect(received(from)).toEqual([]);
    const test = await a.call('POST', `/api/v1/webhooks/${hookId}/test`);
    expect(test.json()).toEqual({ delivered: true });
    expect(received(from).map((b) => b.event)).toEqual(['webhook.test']);
    await a.call('PUT', `/api/v1/webhooks/${hookId}`, { ...pick(hook), url: 'http://127.0.0.1:1/hook' });
    const missing = await a.call('POST', `/api/v1/webhooks/${hookId}/test`);
    expect(missing.json()).toMatchObject({ delivered: false, error: expect.any(String) });
    expect((await a.call('DELETE', `/api/v1/webhooks/${hookId}`)).statusCode).toBe(204);
    expect((await a.call('GET', `/api/v1/webhooks/${hookId}`)).statusCode).toBe(404);
  });
});

const pick = (hook: Record<string, unknown>) => ({
  url: hook.url,
  events: hook.events,
  definitionKey: hook.definitionKey,
});
