import { describe, expect, it } from 'vitest';
import {
  auto,
  chain,
  definition,
  end,
  flow,
  gateway,
  HOUR,
  Instance,
  node,
  nodesOf,
  start,
  task,
  tokensAt,
  trace,
} from '../helpers.ts';

const inside = { parent: 'sub' };

describe('boundary events on containers', () => {
  it('cancels everything inside a sub-process when its interrupting timer fires', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          node('sub', 'subProcess'),
          start('subStart', inside),
          task('inner', {}, inside),
          end('subEnd', inside),
          node('late', 'timerBoundary', { duration: 'PT1H' }, { attachedTo: 'sub' }),
          end(),
          end('tooLate'),
        ],
        flows: [
          ...chain('start', 'sub', 'end'),
          ...chain('subStart', 'inner', 'subEnd'),
          flow('late', 'tooLate'),
        ],
      }),
    );
    run.start();
    const inner = run.task('inner');
    const { effects, history, state } = run.fireNext();
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: inner, nodeId: 'inner', reason: 'boundary event late' },
    ]);
    expect(trace(history)).toEqual([
      'timer.fired late',
      'task.cancelled inner',
      'node.cancelled inner',
      'node.cancelled sub',
      'node.entered late',
      'node.completed late',
      'node.entered tooLate',
      'node.completed tooLate',
      'instance.completed',
    ]);
    expect(state.scopes.map((s) => s.kind)).toEqual(['root']);
  });

  it('catches an error thrown by one instance of a multi-instance activity and cancels the others', () => {
    const run = Instance.of(
      definition({
        parameters: [{ id: 'phones', type: 'json' }],
        nodes: [
          start(),
          node(
            'call',
            'checkFields',
            { fields: ['phone'] },
            { multiInstance: { collection: 'phones', elementVariable: 'phone' } },
          ),
          node('missing', 'errorBoundary', { errorCode: 'FIELDS_MISSING' }, { attachedTo: 'call' }),
          end(),
          end('incomplete'),
        ],
        flows: [...chain('start', 'call', 'end'), flow('missing', 'incomplete')],
      }),
    );
    const { history, state } = run.start({ phones: ['+7 1', '', '+7 3'] });
    expect(nodesOf(history, 'error.thrown')).toEqual(['call']);
    expect(nodesOf(history, 'node.completed')).toEqual(['start', 'missing', 'incomplete']);
    // Every instance (the thrower too; the first one's queued completion never runs) and the activity.
    expect(nodesOf(history, 'node.cancelled')).toEqual(['call', 'call', 'call', 'call']);
    expect(state.status).toBe('completed');
    expect(state.scopes.map((s) => s.kind)).toEqual(['root']);
  });

  it('keeps every instance of a multi-instance task when its non-interrupting timer fires', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          task('sign', {}, { multiInstance: { cardinality: '2' } }),
          node('remind', 'timerBoundary', { duration: 'PT1H', interrupting: false }, { attachedTo: 'sign' }),
          node('nudge', 'log', { message: 'signing is late' }),
          end(),
          end('nudged'),
        ],
        flows: [...chain('start', 'sign', 'end'), ...chain('remind', 'nudge', 'nudged')],
      }),
    );
    run.start();
    const tasks = run.tasks('sign');
    run.fireNext();
    expect(run.tasks('sign')).toEqual(tasks);
    for (const t of tasks) run.complete(t);
    expect(run.state.status).toBe('completed');
  });
});

describe('waits in unusual places', () => {
  it('races a receive task against a timer after an event-based gateway', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          gateway('race', 'eventBased'),
          node('reply', 'receiveTask', { message: 'reply' }),
          node('silence', 'timer', { duration: 'P2D' }),
          end('answered'),
          end('ignored'),
        ],
        flows: [
          flow('start', 'race'),
          ...chain('race', 'reply', 'answered'),
          ...chain('race', 'silence', 'ignored'),
        ],
      }),
    );
    run.start();
    const { history, state } = run.message('reply', null, { text: 'yes' });
    expect(nodesOf(history, 'node.completed')).toEqual(['race', 'reply', 'answered']);
    expect(state.variables).toEqual({ text: 'yes' });
  });

  it('calls a process once per item of a multi-instance call activity and waits for each', () => {
    const run = Instance.of(
      definition({
        parameters: [{ id: 'clients', type: 'users' }],
        nodes: [
          start(),
          node(
            'onboard',
            'callActivity',
            { definitionKey: 'onboarding', params: { who: 'client' } },
            { multiInstance: { collection: 'clients', elementVariable: 'client' } },
          ),
          end(),
        ],
        flows: chain('start', 'onboard', 'end'),
      }),
    );
    const { effects } = run.start({ clients: ['ann', 'bob'] });
    const calls = effects.flatMap((e) => (e.type === 'startProcess' ? [[e.params, e.callId]] : []));
    expect(calls.map(([params]) => params)).toEqual([{ who: 'ann' }, { who: 'bob' }]);
    for (const [, callId] of calls)
      run.message('baton.callCompleted', callId as string, { status: 'completed' });
    expect(run.state.status).toBe('completed');
  });

  it('terminates an instance with a sub-process, cancelling the tasks inside', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          node('sub', 'subProcess'),
          start('subStart', inside),
          task('inner', {}, inside),
          end('subEnd', inside),
          end(),
        ],
        flows: [...chain('start', 'sub', 'end'), ...chain('subStart', 'inner', 'subEnd')],
      }),
    );
    run.start();
    const { history, state } = run.send({ type: 'terminate' });
    expect(trace(history)).toEqual([
      'task.cancelled inner',
      'node.cancelled inner',
      'node.cancelled sub',
      'instance.terminated',
    ]);
    expect(state.tokens).toEqual([]);
  });

  it('lets a parallel branch finish while another waits on a timer, then joins', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          gateway('fork', 'parallel'),
          node('pause', 'timer', { duration: 'PT1H' }),
          auto('quick'),
          gateway('join', 'parallel'),
          end(),
        ],
        flows: [
          flow('start', 'fork'),
          ...chain('fork', 'pause', 'join'),
          ...chain('fork', 'quick', 'join'),
          flow('join', 'end'),
        ],
      }),
    );
    run.start();
    expect(tokensAt(run.state)).toEqual(['join:joining', 'pause:waiting']);
    const { history } = run.fireNext();
    expect(history[0]?.at).toBe(run.now);
    expect(run.now).toBe(Date.UTC(2026, 0, 5, 9) + HOUR);
    expect(run.state.status).toBe('completed');
  });
});
