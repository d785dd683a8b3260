import { describe, expect, it } from 'vitest';
import { type EngineEvent, EventRejected, emptyState, type InstanceState, step } from '../../src/index.ts';
import {
  chain,
  compiled,
  definition,
  end,
  flow,
  gateway,
  Instance,
  line,
  node,
  start,
  T0,
  task,
} from '../helpers.ts';

const simple = line([task('a')]);

/** The rejection `event` causes; asserts the input state is untouched. */
function rejection(run: Instance, event: EngineEvent): EventRejected {
  const before = structuredClone(run.state);
  const input = run.state;
  let error: unknown;
  try {
    step(run.compiled, input, event, { now: run.now });
  } catch (e) {
    error = e;
  }
  expect(input).toEqual(before);
  if (!(error instanceof EventRejected)) throw new Error(`expected EventRejected, got ${String(error)}`);
  return error;
}

describe('rejected events', () => {
  it('rejects completing a task that does not exist with TASK_NOT_OPEN', () => {
    const run = Instance.of(simple);
    run.start();
    const error = rejection(run, { type: 'taskCompleted', taskId: 't404' });
    expect([error.code, error.message]).toEqual(['TASK_NOT_OPEN', 'task t404 is not open']);
  });

  it('rejects completing the same task twice with TASK_NOT_OPEN', () => {
    const run = Instance.of(
      definition({ nodes: [start(), task('a'), task('b'), end()], flows: chain('start', 'a', 'b', 'end') }),
    );
    run.start();
    const a = run.task('a');
    run.complete(a);
    expect(rejection(run, { type: 'taskCompleted', taskId: a }).code).toBe('TASK_NOT_OPEN');
  });

  it('rejects every event after completion with NOT_RUNNING', () => {
    const run = Instance.of(simple);
    run.start();
    const a = run.task('a');
    run.complete(a);
    expect(rejection(run, { type: 'taskCompleted', taskId: a }).code).toBe('NOT_RUNNING');
    expect(rejection(run, { type: 'terminate' }).code).toBe('NOT_RUNNING');
  });

  it('rejects a timer that is not pending with TIMER_NOT_PENDING', () => {
    const run = Instance.of(line([node('t', 'timer', { duration: 'PT1H' })]));
    run.start();
    expect(rejection(run, { type: 'timerFired', timerId: 'tm404' }).code).toBe('TIMER_NOT_PENDING');
  });

  it('rejects a second start with ALREADY_STARTED and an event before start with NOT_STARTED', () => {
    const run = Instance.of(simple);
    expect(rejection(run, { type: 'taskCompleted', taskId: 't1' }).code).toBe('NOT_STARTED');
    run.start();
    expect(rejection(run, { type: 'start' }).code).toBe('ALREADY_STARTED');
  });

  it('rejects start parameters that do not match the declaration with INVALID_PARAMS', () => {
    const run = Instance.of(
      line([task('a')], {
        parameters: [
          { id: 'amount', type: 'number', required: true },
          { id: 'kind', type: 'select', options: [{ value: 'goods' }, { value: 'services' }] },
        ],
      }),
    );
    const error = rejection(run, { type: 'start', params: { kind: 'food', extra: 1 } });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.problems).toEqual([
      { path: 'params.extra', message: 'not declared by this process' },
      { path: 'params.amount', message: 'required' },
      { path: 'params.kind', message: '"food" is not one of goods, services' },
    ]);
  });

  it('counts a required field left blank as missing: empty text, a file or person not chosen, no item', () => {
    const run = Instance.of(
      line([task('a')], {
        parameters: [
          { id: 'purpose', type: 'text', required: true },
          { id: 'contract', type: 'file', required: true },
          { id: 'approvers', type: 'users', required: true },
          { id: 'note', type: 'string' },
        ],
      }),
    );
    const error = rejection(run, {
      type: 'start',
      params: { purpose: '  ', contract: '', approvers: [], note: '' },
    });
    expect(error.problems).toEqual([
      { path: 'params.purpose', message: 'required' },
      { path: 'params.contract', message: 'required' },
      { path: 'params.approvers', message: 'required' },
    ]);
  });
});

describe('purity', () => {
  /** A process with a bit of everything: parallel branches, a sub-process, a boundary timer, a loop, variables. */
  const busy = definition({
    variables: [{ id: 'rounds', type: 'number', default: 0 }],
    nodes: [
      start(),
      gateway('merge', 'exclusive'),
      gateway('fork', 'parallel'),
      task('a', { deadline: 'PT4H' }),
      node('aLate', 'timerBoundary', { duration: 'PT1H', interrupting: false }, { attachedTo: 'a' }),
      node('remind', 'notify', { to: ['"boss"'], text: 'a is late' }),
      node('sub', 'subProcess'),
      start('subStart', { parent: 'sub' }),
      node('count', 'setVariables', { values: { rounds: 'rounds + 1' } }, { parent: 'sub' }),
      task('inner', {}, { parent: 'sub', multiInstance: { cardinality: '2' } }),
      end('subEnd', { parent: 'sub' }),
      gateway('join', 'parallel'),
      gateway('again', 'exclusive'),
      end(),
      end('remindEnd'),
    ],
    flows: [
      ...chain('start', 'merge', 'fork'),
      flow('fork', 'a'),
      flow('fork', 'sub'),
      flow('a', 'join'),
      flow('sub', 'join'),
      ...chain('subStart', 'count', 'inner', 'subEnd'),
      ...chain('aLate', 'remind', 'remindEnd'),
      flow('join', 'again'),
      flow('again', 'merge', { condition: 'rounds < 2' }),
      flow('again', 'end', { default: true }),
    ],
  });

  /** Runs the busy process to its end, passing every state through `carry` between steps. */
  function runBusy(carry: (s: InstanceState) => InstanceState) {
    const run = Instance.of(busy);
    const send = (event: EngineEvent) => {
      run.state = carry(run.state);
      return run.send(event);
    };
    send({ type: 'start' });
    for (let round = 0; round < 2; round++) {
      const [timer] = run.timers();
      run.now = timer?.dueAt ?? run.now;
      send({ type: 'timerFired', timerId: timer?.id as string });
      for (const taskId of run.tasks()) send({ type: 'taskCompleted', taskId });
    }
    return run;
  }

  it('never modifies its input state over a whole run (the Instance driver checks every step)', () => {
    const run = runBusy((s) => s);
    expect(run.state.status).toBe('completed');
    expect(run.history.filter((h) => h.type === 'task.created')).toHaveLength(6);
  });

  it('gives the same result when the state is stored and loaded between steps', () => {
    const direct = runBusy((s) => s);
    const stored = runBusy((s) => JSON.parse(JSON.stringify(s)));
    expect(stored.history).toEqual(direct.history);
    expect(stored.effects).toEqual(direct.effects);
    expect(stored.state).toEqual(direct.state);
  });

  it('does not let a later step change an earlier returned state', () => {
    const c = compiled(simple);
    const first = step(c, emptyState(), { type: 'start' }, { now: T0 });
    const snapshot = structuredClone(first.state);
    const taskId = first.state.waits[0]?.id as string;
    step(c, first.state, { type: 'taskCompleted', taskId, variables: { x: 1 } }, { now: T0 });
    expect(first.state).toEqual(snapshot);
  });
});

describe('terminating a failed instance', () => {
  it('is allowed, also when the instance failed at its start', () => {
    const def = line([node('boom', 'wait', { until: '"not a date"' })]);
    const run = Instance.of(def);
    run.start();
    expect(run.state.status).toBe('failed');
    run.send({ type: 'terminate', reason: 'given up' });
    expect(run.state.status).toBe('terminated');
    expect(run.last.history.map((h) => h.type)).toEqual(['instance.terminated']);
  });
});
