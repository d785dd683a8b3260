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
  Instance,
  node,
  nodesOf,
  start,
  T0,
  task,
} from '../helpers.ts';

describe('returning to an earlier block', () => {
  const def = definition({
    variables: [{ id: 'approved', type: 'boolean' }],
    nodes: [
      start(),
      task('draft', { kind: 'form', title: 'Write the memo' }),
      task('check', { kind: 'approve', assignees: ['"boss"'] }),
      gateway('ok', 'exclusive'),
      end(),
    ],
    flows: [
      ...chain('start', 'draft', 'check', 'ok'),
      flow('ok', 'end', { condition: 'approved' }),
      flow('ok', 'draft', { default: true }),
    ],
  });

  it('runs the earlier user task again on every return, three times in all', () => {
    const run = Instance.of(def);
    run.start();
    for (const outcome of ['rejected', 'rejected', 'approved']) {
      run.complete('draft');
      run.complete('check', outcome);
    }
    expect(nodesOf(run.history, 'task.created')).toEqual([
      'draft',
      'check',
      'draft',
      'check',
      'draft',
      'check',
    ]);
    const draftTokens = run.history.filter((h) => h.type === 'task.created' && h.nodeId === 'draft');
    expect(new Set(draftTokens.map((h) => h.tokenId)).size).toBe(3);
    expect(run.state.status).toBe('completed');
    expect(run.state.variables).toEqual({ approved: true });
  });

  it('sends the flow back along the default flow on a rejection', () => {
    const run = Instance.of(def);
    run.start();
    run.complete('draft');
    const { history } = run.complete('check', 'rejected');
    expect(history.find((h) => h.type === 'gateway.decided')?.data).toEqual({ flows: ['ok->draft'] });
    expect(run.tasks('draft')).toHaveLength(1);
    expect(run.state.variables).toEqual({ approved: false });
  });

  it('runs an automatic loop with a counter until its condition exits', () => {
    const counting = definition({
      variables: [{ id: 'n', type: 'number', default: 0 }],
      nodes: [
        start(),
        node('inc', 'setVariables', { values: { n: 'n + 1' } }),
        gateway('more', 'exclusive'),
        end(),
      ],
      flows: [
        ...chain('start', 'inc', 'more'),
        flow('more', 'inc', { condition: 'n < 3' }),
        flow('more', 'end', { default: true }),
      ],
    });
    const { state, history } = Instance.of(counting).start();
    expect(nodesOf(history, 'node.completed')).toEqual([
      'start',
      'inc',
      'more',
      'inc',
      'more',
      'inc',
      'more',
      'end',
    ]);
    expect(state.variables).toEqual({ n: 3 });
    expect(state.status).toBe('completed');
  });
});

describe('runaway loops', () => {
  const runaway = definition({
    nodes: [start(), task('first'), auto('a'), auto('b')],
    flows: chain('start', 'first', 'a', 'b', 'a'),
  });

  it('fails the instance with LOOP_LIMIT naming the loop instead of hanging', () => {
    const c = compiled(
      definition({ nodes: [start(), auto('a'), auto('b')], flows: chain('start', 'a', 'b', 'a') }),
    );
    const result = step(c, emptyState(), { type: 'start' }, { now: T0, maxNodeExecutions: 20 });
    expect(result.state.status).toBe('failed');
    expect(result.state.error).toEqual({
      code: 'LOOP_LIMIT',
      message:
        'more than 20 nodes ran in one step without reaching a wait state; the loop goes through a → b',
      nodeId: 'a',
    });
    expect(result.effects).toEqual([]);
  });

  it('names the first 20 nodes of a chain too long to run in one step, and counts the rest', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `n${i}`);
    const c = compiled(
      definition({
        nodes: [start(), ...ids.map((id) => auto(id)), end()],
        flows: chain('start', ...ids, 'end'),
      }),
    );
    const result = step(c, emptyState(), { type: 'start' }, { now: T0, maxNodeExecutions: 50 });
    expect(result.state.error?.message).toBe(
      `more than 50 nodes ran in one step without reaching a wait state; the loop goes through start → ${ids.slice(0, 19).join(' → ')} → … and 31 more nodes`,
    );
  });

  it('returns the state before the event, with status failed, when a step fails', () => {
    const c = compiled(runaway);
    const run = new Instance(c, { maxNodeExecutions: 50 });
    run.start();
    const before = run.state;
    const result = run.complete('first');
    expect(result.state).toEqual({
      ...before,
      status: 'failed',
      error: expect.objectContaining({ code: 'LOOP_LIMIT' }),
    });
    expect(result.history.map((h) => h.type)).toEqual(['instance.failed']);
  });
});
