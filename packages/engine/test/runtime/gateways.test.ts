import { describe, expect, it } from 'vitest';
import { emptyState, step } from '../../src/index.ts';
import {
  auto,
  chain,
  compiled,
  definition,
  end,
  flow,
  gateway,
  HOUR,
  Instance,
  line,
  node,
  nodesOf,
  start,
  T0,
  task,
  tokensAt,
  trace,
} from '../helpers.ts';

describe('sequence', () => {
  it('runs automatic nodes at once and stops at a user task', () => {
    const run = Instance.of(line([auto('a'), task('b')]));
    const { effects, history } = run.start();
    const taskId = run.task('b');
    expect(trace(history)).toEqual([
      'instance.started',
      'node.entered start',
      'node.completed start',
      'node.entered a',
      'node.completed a',
      'node.entered b',
      'task.created b',
    ]);
    expect(effects).toEqual([
      {
        type: 'createTask',
        taskId,
        nodeId: 'b',
        kind: 'form',
        title: 'b',
        assignees: ['role:processAdministrator'],
        redirects: [],
        delegation: 'anyone',
        dueAt: null,
        fields: [],
        outcomes: [{ id: 'submitted' }],
      },
    ]);
    expect(tokensAt(run.state)).toEqual(['b:waiting']);
  });

  it('completes the instance when the last token reaches the end', () => {
    const run = Instance.of(line([auto('a'), task('b')]));
    run.start();
    const { effects, history, state } = run.complete('b');
    expect(trace(history)).toEqual([
      'task.completed b',
      'node.completed b',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(effects).toEqual([]);
    expect(state.status).toBe('completed');
    expect(state.tokens).toEqual([]);
    expect(state.waits).toEqual([]);
  });

  it('records one token per activation on every history event of a node', () => {
    const run = Instance.of(line([auto('a'), task('b')]));
    run.start();
    run.complete('b');
    const ofB = run.history.filter((h) => h.nodeId === 'b').map((h) => h.tokenId);
    expect(new Set(ofB).size).toBe(1);
  });
});

describe('exclusive gateway', () => {
  const def = (withDefault: boolean) =>
    definition({
      parameters: [{ id: 'amount', type: 'number' }],
      nodes: [start(), gateway('x', 'exclusive'), auto('big'), auto('mid'), auto('small'), end()],
      flows: [
        flow('start', 'x'),
        flow('x', 'small', withDefault ? { default: true } : { condition: 'amount < 0' }),
        flow('x', 'big', { condition: 'amount > 1000' }),
        flow('x', 'mid', { condition: 'amount > 100' }),
        ...chain('big', 'end'),
        ...chain('mid', 'end'),
        ...chain('small', 'end'),
      ],
    });

  it('takes the first flow in definition order whose condition holds', () => {
    const run = Instance.of(def(true));
    const { history, state } = run.start({ amount: 5000 });
    expect(history.find((h) => h.type === 'gateway.decided')?.data).toEqual({ flows: ['x->big'] });
    expect(nodesOf(history, 'node.completed')).toEqual(['start', 'x', 'big', 'end']);
    expect(state.status).toBe('completed');
  });

  it('takes a later flow when the earlier condition is false', () => {
    const { history } = Instance.of(def(true)).start({ amount: 500 });
    expect(nodesOf(history, 'node.completed')).toEqual(['start', 'x', 'mid', 'end']);
  });

  it('takes the default flow only when no condition holds, wherever it is listed', () => {
    const { history } = Instance.of(def(true)).start({ amount: 5 });
    expect(history.find((h) => h.type === 'gateway.decided')?.data).toEqual({ flows: ['x->small'] });
    expect(nodesOf(history, 'node.completed')).toEqual(['start', 'x', 'small', 'end']);
  });

  it('fails the instance with NO_FLOW at the gateway when no condition holds and there is no default', () => {
    const c = compiled(def(false));
    const before = emptyState();
    const result = step(c, before, { type: 'start', params: { amount: 5 } }, { now: T0 });
    expect(result.state).toEqual({
      ...emptyState(),
      status: 'failed',
      error: {
        code: 'NO_FLOW',
        message: 'gateway "x": no condition holds and there is no default flow',
        nodeId: 'x',
      },
    });
    expect(result.effects).toEqual([]);
    expect(trace(result.history)).toEqual(['instance.started', 'instance.failed x']);
    expect(result.history[1]?.data).toEqual({ error: result.state.error });
  });
});

describe('parallel gateway', () => {
  const def = definition({
    nodes: [
      start(),
      gateway('split', 'parallel'),
      task('a'),
      task('b'),
      gateway('join', 'parallel'),
      auto('c'),
      end(),
    ],
    flows: [
      flow('start', 'split'),
      flow('split', 'a'),
      flow('split', 'b'),
      flow('a', 'join'),
      flow('b', 'join'),
      ...chain('join', 'c', 'end'),
    ],
  });

  it('splits into one task per branch', () => {
    const run = Instance.of(def);
    const { history } = run.start();
    expect(history.find((h) => h.type === 'gateway.decided')?.data).toEqual({
      flows: ['split->a', 'split->b'],
    });
    expect(nodesOf(history, 'task.created')).toEqual(['a', 'b']);
    expect(tokensAt(run.state)).toEqual(['a:waiting', 'b:waiting']);
  });

  it('holds the first arrival at the join', () => {
    const run = Instance.of(def);
    run.start();
    const { history, state } = run.complete('b');
    expect(trace(history)).toEqual(['task.completed b', 'node.completed b', 'node.entered join']);
    expect(tokensAt(state)).toEqual(['a:waiting', 'join:joining']);
  });

  it('merges the branches into one token when the last arrives', () => {
    const run = Instance.of(def);
    run.start();
    run.complete('b');
    const { history, state } = run.complete('a');
    expect(trace(history)).toEqual([
      'task.completed a',
      'node.completed a',
      'node.entered join',
      'node.completed join',
      'gateway.decided join',
      'node.completed join',
      'node.entered c',
      'node.completed c',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
    expect(state.joins).toEqual([]);
    // The branch that arrived last leaves the join merged into the one that waited, which goes on.
    const [merged, goesOn] = history.filter((h) => h.type === 'node.completed' && h.nodeId === 'join');
    const arrived = history.find((h) => h.type === 'node.entered' && h.nodeId === 'join');
    expect(merged?.tokenId).toBe(arrived?.tokenId);
    expect(merged?.data).toEqual({ joinedInto: goesOn?.tokenId });
    expect(goesOn?.tokenId).not.toBe(merged?.tokenId);
  });

  it('joins 4,000 branches arriving in one step once, when the last arrives', () => {
    const branches = Array.from({ length: 4_000 }, (_, i) => `b${i}`);
    const wide = definition({
      nodes: [
        start(),
        gateway('split', 'parallel'),
        ...branches.map((b) => auto(b)),
        gateway('join', 'parallel'),
        end(),
      ],
      flows: [
        flow('start', 'split'),
        ...branches.flatMap((b) => chain('split', b, 'join')),
        flow('join', 'end'),
      ],
    });
    // Each arrival used to look at every waiting token for every incoming flow: ~4,000³ steps.
    const { history, state } = step(compiled(wide), emptyState(), { type: 'start' }, { now: T0 });
    expect(nodesOf(history, 'node.completed').filter((id) => id.startsWith('b'))).toHaveLength(4_000);
    expect(nodesOf(history, 'gateway.decided')).toEqual(['split', 'join']);
    expect(state.status).toBe('completed');
  });

  it('counts arrivals per activation when the join is re-entered through a loop', () => {
    const looping = definition({
      variables: [{ id: 'again', type: 'boolean', default: false }],
      nodes: [
        start(),
        task('review'),
        gateway('split', 'parallel'),
        task('a'),
        task('b'),
        gateway('join', 'parallel'),
        gateway('more', 'exclusive'),
        end(),
      ],
      flows: [
        ...chain('start', 'review', 'split'),
        flow('split', 'a'),
        flow('split', 'b'),
        flow('a', 'join'),
        flow('b', 'join'),
        flow('join', 'more'),
        flow('more', 'review', { condition: 'again' }),
        flow('more', 'end', { default: true }),
      ],
    });
    const run = Instance.of(looping);
    run.start();
    run.complete('review');
    run.complete('a');
    run.complete('b', undefined, { again: true });
    run.complete('review', undefined, { again: false });
    run.complete('b');
    expect(tokensAt(run.state)).toEqual(['a:waiting', 'join:joining']);
    run.complete('a');
    expect(nodesOf(run.history, 'node.completed')).toEqual([
      'start',
      'review',
      'split',
      'a',
      'b',
      'join',
      'join',
      'more',
      'review',
      'split',
      'b',
      'a',
      'join',
      'join',
      'more',
      'end',
    ]);
    expect(run.state.status).toBe('completed');
  });

  it('keeps a second token on the same flow for the next activation of the join', () => {
    const twice = definition({
      nodes: [
        start(),
        gateway('split', 'parallel'),
        task('a'),
        task('b'),
        gateway('join', 'parallel'),
        end(),
      ],
      flows: [
        flow('start', 'split'),
        flow('split', 'a', { id: 'first' }),
        flow('split', 'a', { id: 'second' }),
        flow('split', 'b'),
        flow('a', 'join'),
        flow('b', 'join'),
        flow('join', 'end'),
      ],
    });
    const run = Instance.of(twice);
    run.start();
    const [a1, a2] = run.tasks('a');
    run.complete(a1 as string);
    run.complete(a2 as string);
    const { history, state } = run.complete('b');
    expect(nodesOf(history, 'gateway.decided')).toEqual(['join']);
    expect(tokensAt(state)).toEqual(['join:joining']);
    expect(state.joins).toHaveLength(1);
    expect(state.status).toBe('running');
  });
});

describe('event-based gateway', () => {
  const def = definition({
    nodes: [
      start(),
      gateway('race', 'eventBased'),
      node('wait', 'timer', { duration: 'PT1H' }),
      node('paid', 'message', { message: 'payment' }),
      auto('remind'),
      auto('ship'),
      end('late'),
      end('done'),
    ],
    flows: [
      flow('start', 'race'),
      flow('race', 'wait'),
      flow('race', 'paid'),
      ...chain('wait', 'remind', 'late'),
      ...chain('paid', 'ship', 'done'),
    ],
  });

  it('waits on every event after it', () => {
    const run = Instance.of(def);
    const { effects } = run.start();
    const [timer] = run.timers();
    const message = run.state.waits.find((w) => w.kind === 'message');
    expect(effects).toEqual([
      { type: 'scheduleTimer', timerId: timer?.id, nodeId: 'wait', dueAt: T0 + HOUR },
      {
        type: 'subscribeMessage',
        waitId: message?.id,
        nodeId: 'paid',
        message: 'payment',
        correlationKey: null,
      },
    ]);
    expect(tokensAt(run.state)).toEqual(['race:waiting']);
  });

  it('lets the timer win and withdraws the message subscription', () => {
    const run = Instance.of(def);
    run.start();
    const message = run.state.waits.find((w) => w.kind === 'message');
    const { effects, history, state } = run.fireNext();
    expect(effects).toEqual([{ type: 'unsubscribeMessage', waitId: message?.id, nodeId: 'paid' }]);
    expect(trace(history)).toEqual([
      'timer.fired wait',
      'gateway.decided race',
      'node.completed race',
      'node.entered wait',
      'node.completed wait',
      'node.entered remind',
      'node.completed remind',
      'node.entered late',
      'node.completed late',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
  });

  it('lets the message win, keeps its payload and cancels the timer', () => {
    const run = Instance.of(def);
    run.start();
    const [timer] = run.timers();
    const { effects, history, state } = run.message('payment', null, { paidAmount: 120 });
    expect(effects).toEqual([{ type: 'cancelTimer', timerId: timer?.id, nodeId: 'wait' }]);
    expect(trace(history)).toEqual([
      'message.received paid',
      'gateway.decided race',
      'node.completed race',
      'node.entered paid',
      'variables.changed paid',
      'node.completed paid',
      'node.entered ship',
      'node.completed ship',
      'node.entered done',
      'node.completed done',
      'instance.completed',
    ]);
    expect(state.variables).toEqual({ paidAmount: 120 });
  });
});
