import { describe, expect, it } from 'vitest';
import { CALL_COMPLETED_MESSAGE, EventRejected } from '../../src/index.ts';
import { MAX_MULTI_INSTANCE } from '../../src/runtime/multi-instance.ts';
import {
  auto,
  chain,
  definition,
  effectsOf,
  end,
  flow,
  Instance,
  node,
  nodesOf,
  start,
  task,
  tokensAt,
  trace,
} from '../helpers.ts';

describe('embedded sub-process', () => {
  const inside = (id: string) => ({ parent: id });
  const def = definition({
    nodes: [
      start(),
      node('sub', 'subProcess'),
      start('subStart', inside('sub')),
      task('inner', {}, inside('sub')),
      end('subEnd', inside('sub')),
      auto('after'),
      end(),
    ],
    flows: [...chain('start', 'sub', 'after', 'end'), ...chain('subStart', 'inner', 'subEnd')],
  });

  it('runs its own start event inside while the sub-process waits', () => {
    const run = Instance.of(def);
    const { history } = run.start();
    expect(trace(history).slice(3)).toEqual([
      'node.entered sub',
      'node.entered subStart',
      'node.completed subStart',
      'node.entered inner',
      'task.created inner',
    ]);
    expect(tokensAt(run.state)).toEqual(['inner:waiting', 'sub:inside']);
  });

  it('completes when its scope empties, and the parent continues', () => {
    const run = Instance.of(def);
    run.start();
    const { history, state } = run.complete('inner');
    expect(trace(history)).toEqual([
      'task.completed inner',
      'node.completed inner',
      'node.entered subEnd',
      'node.completed subEnd',
      'node.completed sub',
      'node.entered after',
      'node.completed after',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
    expect(state.scopes.map((s) => s.kind)).toEqual(['root']);
  });

  it('ends only the sub-process at a terminate end inside it', () => {
    const parallelInside = definition({
      nodes: [
        start(),
        node('sub', 'subProcess'),
        start('subStart', inside('sub')),
        node('fork', 'parallel', undefined, inside('sub')),
        task('slow', {}, inside('sub')),
        task('quick', {}, inside('sub')),
        end('subEnd', inside('sub')),
        node('stop', 'terminate', undefined, inside('sub')),
        task('after'),
        end(),
      ],
      flows: [
        ...chain('start', 'sub', 'after', 'end'),
        flow('subStart', 'fork'),
        flow('fork', 'slow'),
        flow('fork', 'quick'),
        flow('slow', 'subEnd'),
        flow('quick', 'stop'),
      ],
    });
    const run = Instance.of(parallelInside);
    run.start();
    const slow = run.task('slow');
    const { effects, history, state } = run.complete('quick');
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: slow, nodeId: 'slow', reason: 'terminated by end event' },
      expect.objectContaining({ type: 'createTask', nodeId: 'after' }),
    ]);
    expect(trace(history)).toEqual([
      'task.completed quick',
      'node.completed quick',
      'node.entered stop',
      'node.completed stop',
      'task.cancelled slow',
      'node.cancelled slow',
      'node.completed sub',
      'node.entered after',
      'task.created after',
    ]);
    expect(state.status).toBe('running');
    expect(tokensAt(state)).toEqual(['after:waiting']);
  });
});

describe('call activity', () => {
  const def = (wait = true) =>
    definition({
      parameters: [{ id: 'amount', type: 'number' }],
      variables: [{ id: 'invoice', type: 'string' }],
      nodes: [
        start(),
        node('call', 'callActivity', { definitionKey: 'billing', wait, params: { total: 'amount * 2' } }),
        node('callFailed', 'errorBoundary', { errorCode: 'CALL_FAILED' }, { attachedTo: 'call' }),
        auto('handle'),
        end(),
        end('failedEnd'),
      ],
      flows: [...chain('start', 'call', 'end'), ...chain('callFailed', 'handle', 'failedEnd')],
    });

  const callIdOf = (run: Instance) => effectsOf(run.effects, 'startProcess')[0]?.callId as string;

  it('asks the runtime to start the child and waits for it', () => {
    const run = Instance.of(def());
    const { effects } = run.start({ amount: 21 });
    const [subscription, started] = effects;
    expect(started).toEqual({
      type: 'startProcess',
      key: expect.any(String),
      nodeId: 'call',
      definitionKey: 'billing',
      params: { total: 42 },
      callId: expect.any(String),
    });
    expect(subscription).toEqual({
      type: 'subscribeMessage',
      waitId: expect.any(String),
      nodeId: 'call',
      message: CALL_COMPLETED_MESSAGE,
      correlationKey: callIdOf(run),
    });
    expect(effects).toHaveLength(2);
    expect(tokensAt(run.state)).toEqual(['call:waiting']);
  });

  it('completes on baton.callCompleted keyed by the call id, merging the child variables', () => {
    const run = Instance.of(def());
    run.start({ amount: 21 });
    const { history, state } = run.message(CALL_COMPLETED_MESSAGE, callIdOf(run), {
      status: 'completed',
      variables: { invoice: 'INV-7' },
    });
    expect(trace(history)).toEqual([
      'message.received call',
      'variables.changed call',
      'node.completed call',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(state.variables).toEqual({ amount: 21, invoice: 'INV-7' });
    expect(state.status).toBe('completed');
  });

  it('ignores the completion of another call', () => {
    const run = Instance.of(def());
    run.start({ amount: 21 });
    expect(() => run.message(CALL_COMPLETED_MESSAGE, 'c999', { status: 'completed' })).toThrow(
      expect.objectContaining({ code: 'MESSAGE_NOT_CORRELATED' }),
    );
  });

  it('turns a failed child into CALL_FAILED, caught by the error boundary', () => {
    const run = Instance.of(def());
    run.start({ amount: 21 });
    const { history, state } = run.message(CALL_COMPLETED_MESSAGE, callIdOf(run), { status: 'failed' });
    expect(trace(history)).toEqual([
      'message.received call',
      'error.thrown call',
      'node.cancelled call',
      'node.entered callFailed',
      'node.completed callFailed',
      'node.entered handle',
      'node.completed handle',
      'node.entered failedEnd',
      'node.completed failedEnd',
      'instance.completed',
    ]);
    expect(history[1]?.data).toEqual({ code: 'CALL_FAILED', message: 'called process billing failed' });
    expect(state.status).toBe('completed');
  });

  it('goes on at once without a call id when it does not wait', () => {
    const run = Instance.of(def(false));
    const { effects, state } = run.start({ amount: 1 });
    expect(effects).toEqual([
      {
        type: 'startProcess',
        key: expect.any(String),
        nodeId: 'call',
        definitionKey: 'billing',
        params: { total: 2 },
        callId: null,
      },
    ]);
    expect(state.status).toBe('completed');
  });

  it('is an EventRejected error class the caller can test for', () => {
    const run = Instance.of(def());
    run.start({ amount: 1 });
    expect(() => run.message('nobody')).toThrow(EventRejected);
  });
});

describe('multi-instance', () => {
  it('creates one task per instance of a parallel cardinality', () => {
    const run = Instance.of(
      definition({
        nodes: [start(), task('sign', {}, { multiInstance: { cardinality: '3' } }), end()],
        flows: chain('start', 'sign', 'end'),
      }),
    );
    run.start();
    expect(nodesOf(run.history, 'task.created')).toEqual(['sign', 'sign', 'sign']);
    expect(tokensAt(run.state)).toEqual(['sign:inside', 'sign:waiting', 'sign:waiting', 'sign:waiting']);
  });

  it('completes the activity once every instance completed', () => {
    const run = Instance.of(
      definition({
        nodes: [start(), task('sign', {}, { multiInstance: { cardinality: '3' } }), end()],
        flows: chain('start', 'sign', 'end'),
      }),
    );
    run.start();
    const [a, b, c] = run.tasks('sign') as [string, string, string];
    run.complete(a);
    run.complete(c);
    expect(run.state.status).toBe('running');
    const { history } = run.complete(b);
    expect(trace(history)).toEqual([
      'task.completed sign',
      'node.completed sign',
      'node.completed sign',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    const completions = run.history.filter((h) => h.type === 'node.completed' && h.nodeId === 'sign');
    expect(new Set(completions.map((h) => h.tokenId)).size).toBe(4);
  });

  it('gives each instance its item of the collection', () => {
    const run = Instance.of(
      definition({
        parameters: [{ id: 'goods', type: 'multiselect' }],
        nodes: [
          start(),
          task(
            'buy',
            { title: 'Buy {{ item }}', assignees: ['"buyer-" + item'] },
            { multiInstance: { collection: 'goods', elementVariable: 'item' } },
          ),
          end(),
        ],
        flows: chain('start', 'buy', 'end'),
      }),
    );
    const { effects } = run.start({ goods: ['pen', 'ink', 'paper'] });
    expect(effectsOf(effects, 'createTask').map((e) => [e.title, e.assignees])).toEqual([
      ['Buy pen', ['buyer-pen']],
      ['Buy ink', ['buyer-ink']],
      ['Buy paper', ['buyer-paper']],
    ]);
  });

  it('ends early when the completion condition holds and cancels the remaining instance', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          task(
            'vote',
            {},
            { multiInstance: { cardinality: '3', completionCondition: 'nrOfCompletedInstances >= 2' } },
          ),
          end(),
        ],
        flows: chain('start', 'vote', 'end'),
      }),
    );
    run.start();
    const [a, b, c] = run.tasks('vote') as [string, string, string];
    run.complete(b);
    const { effects, history, state } = run.complete(a);
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: c, nodeId: 'vote', reason: 'multi-instance completion condition met' },
    ]);
    expect(trace(history)).toEqual([
      'task.completed vote',
      'node.completed vote',
      'task.cancelled vote',
      'node.cancelled vote',
      'node.completed vote',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
  });

  it('runs a sequential multi-instance one after another with a growing loopCounter', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          task(
            'round',
            { title: 'Round {{ loopCounter }}' },
            { multiInstance: { sequential: true, cardinality: '3' } },
          ),
          end(),
        ],
        flows: chain('start', 'round', 'end'),
      }),
    );
    run.start();
    const titles = () => effectsOf(run.effects, 'createTask').map((e) => e.title);
    expect(titles()).toEqual(['Round 0']);
    run.complete('round');
    expect(titles()).toEqual(['Round 0', 'Round 1']);
    expect(run.tasks('round')).toHaveLength(1);
    run.complete('round');
    run.complete('round');
    expect(titles()).toEqual(['Round 0', 'Round 1', 'Round 2']);
    expect(run.state.status).toBe('completed');
  });

  it('skips an activity whose collection is empty', () => {
    const run = Instance.of(
      definition({
        parameters: [{ id: 'goods', type: 'multiselect' }],
        nodes: [
          start(),
          task('buy', {}, { multiInstance: { collection: 'goods', elementVariable: 'item' } }),
          end(),
        ],
        flows: chain('start', 'buy', 'end'),
      }),
    );
    const { effects, history, state } = run.start({ goods: [] });
    expect(effects).toEqual([]);
    expect(nodesOf(history, 'node.completed')).toEqual(['start', 'buy', 'end']);
    expect(state.status).toBe('completed');
  });

  it(`fails the instance, creating nothing, past ${MAX_MULTI_INSTANCE.toLocaleString('en')} executions from a field`, () => {
    const fromCount = definition({
      parameters: [{ id: 'people', type: 'number' }],
      nodes: [start(), task('sign', {}, { multiInstance: { cardinality: 'people' } }), end()],
      flows: chain('start', 'sign', 'end'),
    });
    const refused = Instance.of(fromCount).start({ people: 1_000_000_000 });
    expect(refused.effects).toEqual([]);
    expect(refused.state).toMatchObject({
      status: 'failed',
      error: { code: 'MULTI_INSTANCE_TOO_LARGE', nodeId: 'sign' },
    });
    expect(refused.state.error?.message).toBe(
      'multi-instance "sign" would run 1000000000 times; at most 5,000',
    );
    // As many in parallel start in one step, within its node budget.
    const allowed = Instance.of(fromCount).start({ people: MAX_MULTI_INSTANCE });
    expect(allowed.state.status).toBe('running');
    expect(effectsOf(allowed.effects, 'createTask')).toHaveLength(MAX_MULTI_INSTANCE);

    const fromList = Instance.of(
      definition({
        parameters: [{ id: 'goods', type: 'multiselect' }],
        nodes: [start(), task('buy', {}, { multiInstance: { collection: 'goods' } }), end()],
        flows: chain('start', 'buy', 'end'),
      }),
    );
    const goods = Array.from({ length: MAX_MULTI_INSTANCE + 1 }, (_, i) => `g${i}`);
    expect(fromList.start({ goods }).state.error?.code).toBe('MULTI_INSTANCE_TOO_LARGE');
  });
});
