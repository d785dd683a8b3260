import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { addPeople } from './support/org.ts';

const task = (id: string) => ({ id, type: 'userTask', name: id, config: { assignees: ["'ann'"] } });

/** Version 1: one task, then the end. */
const v1 = {
  key: 'versioned',
  name: 'A process whose graph changes between versions',
  nodes: [{ id: 'start', type: 'start' }, task('check'), { id: 'end', type: 'end' }],
  flows: [
    { id: 'f1', source: 'start', target: 'check' },
    { id: 'f2', source: 'check', target: 'end' },
  ],
};

/** Version 2: the same first task (same node id), then an extra one before the end. */
const v2 = {
  ...v1,
  nodes: [{ id: 'start', type: 'start' }, task('check'), task('sign'), { id: 'end', type: 'end' }],
  flows: [
    { id: 'f1', source: 'start', target: 'check' },
    { id: 'f2', source: 'check', target: 'sign' },
    { id: 'f3', source: 'sign', target: 'end' },
  ],
};

apiSuite('versioning: each instance runs the graph of its own version', (api) => {
  let onV1: string;
  let onV2: string;
  beforeAll(async () => {
    const { publish, start } = api();
    await addPeople(api(), { users: [{ id: 'ann' }] });
    expect(await publish(v1)).toBe(1);
    onV1 = await start(v1.key);
    expect(await publish(v2)).toBe(2);
    onV2 = await start(v2.key);
  });

  const completeOnly = async (instanceId: string, nodeId: string) => {
    const open = await api().openTasks(instanceId);
    expect(open.map((t) => t.nodeId)).toEqual([nodeId]);
    const res = await api().call('POST', `/api/v1/tasks/${open[0]?.id}/complete`, { variables: {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().instance as { id: string; status: string };
  };

  it('an instance started on version 1 ends after its one task, though version 2 has another after it', async () => {
    expect(await completeOnly(onV1, 'check')).toEqual({ id: onV1, status: 'completed' });
    expect(await api().openTasks(onV1)).toEqual([]);
    const instance = (await api().call('GET', `/api/v1/instances/${onV1}`)).json();
    expect(instance).toMatchObject({ status: 'completed', definitionVersion: 1 });
  });

  it('an instance started on version 2 goes on to the task version 2 added, then ends', async () => {
    expect(await completeOnly(onV2, 'check')).toEqual({ id: onV2, status: 'running' });
    expect(await completeOnly(onV2, 'sign')).toEqual({ id: onV2, status: 'completed' });
    const instance = (await api().call('GET', `/api/v1/instances/${onV2}`)).json();
    expect(instance).toMatchObject({ status: 'completed', definitionVersion: 2 });
  });
});

apiSuite('versioning: a version published before a limit was added to compile', (api, dialect) => {
  it('still runs, and fails the instance that reaches what the limit refuses, naming it', async () => {
    const key = `polling-${dialect}`;
    const wait = { id: 'poll', type: 'wait', config: { condition: 'false', checkEvery: 'PT1H' } };
    await api().publish({
      key,
      name: 'Polls its condition',
      nodes: [{ id: 'start', type: 'start' }, wait, { id: 'end', type: 'end' }],
      flows: [
        { id: 'f1', source: 'start', target: 'poll' },
        { id: 'f2', source: 'poll', target: 'end' },
      ],
    });
    // As published before compile refused periods under a second.
    const { kysely } = api().baton.rt.db;
    const stored = await kysely
      .selectFrom('definitions')
      .select('json')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    await kysely
      .updateTable('definitions')
      .set({ json: stored.json.replace('"PT1H"', '"PT0S"') })
      .where('key', '=', key)
      .execute();
    const id = await api().start(key);
    const instance = (await api().call('GET', `/api/v1/instances/${id}`)).json();
    expect(instance).toMatchObject({
      status: 'failed',
      error: { code: 'BAD_DURATION', message: "checkEvery 'PT0S' repeats more often than once a second" },
    });
  });
});
