import { describe, expect, it } from 'vitest';
import {
  auto,
  chain,
  definition,
  end,
  flow,
  gateway,
  Instance,
  node,
  nodesOf,
  start,
  task,
  tokensAt,
  trace,
} from '../helpers.ts';

describe('inclusive gateway', () => {
  const def = definition({
    parameters: [
      { id: 'wantA', type: 'boolean' },
      { id: 'wantB', type: 'boolean' },
    ],
    nodes: [
      start(),
      gateway('split', 'inclusive'),
      task('a'),
      task('b'),
      auto('c'),
      gateway('join', 'inclusive'),
      end(),
    ],
    flows: [
      flow('start', 'split'),
      flow('split', 'a', { condition: 'wantA' }),
      flow('split', 'b', { condition: 'wantB' }),
      flow('split', 'c', { default: true }),
      flow('a', 'join'),
      flow('b', 'join'),
      flow('c', 'join'),
      flow('join', 'end'),
    ],
  });

  it('splits to every flow whose condition holds', () => {
    const run = Instance.of(def);
    const { history } = run.start({ wantA: true, wantB: true });
    expect(history.find((h) => h.type === 'gateway.decided')?.data).toEqual({
      flows: ['split->a', 'split->b'],
    });
    expect(nodesOf(history, 'task.created')).toEqual(['a', 'b']);
  });

  it('waits at the join for a branch that is still running', () => {
    const run = Instance.of(def);
    run.start({ wantA: true, wantB: true });
    const { state } = run.complete('a');
    expect(tokensAt(state)).toEqual(['b:waiting', 'join:joining']);
  });

  it('does not wait for a branch that was not taken', () => {
    const run = Instance.of(def);
    run.start({ wantA: true, wantB: false });
    expect(nodesOf(run.history, 'task.created')).toEqual(['a']);
    const { history, state } = run.complete('a');
    expect(trace(history)).toEqual([
      'task.completed a',
      'node.completed a',
      'node.entered join',
      'gateway.decided join',
      'node.completed join',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
  });

  it('takes the default flow when no condition holds', () => {
    const { history, state } = Instance.of(def).start({ wantA: false, wantB: false });
    expect(nodesOf(history, 'node.completed')).toEqual(['start', 'split', 'c', 'join', 'end']);
    expect(state.status).toBe('completed');
  });

  const early = definition({
    variables: [{ id: 'skip', type: 'boolean', default: false }],
    nodes: [
      start(),
      gateway('split', 'inclusive'),
      task('a'),
      task('b'),
      gateway('skipB', 'exclusive'),
      end('stopB'),
      gateway('join', 'inclusive'),
      end(),
    ],
    flows: [
      flow('start', 'split'),
      flow('split', 'a', { condition: 'true' }),
      flow('split', 'b', { condition: 'true' }),
      flow('a', 'join'),
      flow('b', 'skipB'),
      flow('skipB', 'stopB', { condition: 'skip' }),
      flow('skipB', 'join', { default: true }),
      flow('join', 'end'),
    ],
  });

  it('fires the join when the branch it waits for ends early elsewhere', () => {
    const run = Instance.of(early);
    run.start();
    run.complete('a');
    const { history, state } = run.complete('b', undefined, { skip: true });
    expect(trace(history, ['node.completed', 'gateway.decided', 'instance.completed'])).toEqual([
      'node.completed b',
      'gateway.decided skipB',
      'node.completed skipB',
      'node.completed stopB',
      'gateway.decided join',
      'node.completed join',
      'node.completed end',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
  });

  it('passes the join at once when the other branch already ended early', () => {
    const run = Instance.of(early);
    run.start();
    run.complete('b', undefined, { skip: true });
    expect(tokensAt(run.state)).toEqual(['a:waiting']);
    const { history } = run.complete('a');
    expect(nodesOf(history, 'node.completed')).toEqual(['a', 'join', 'end']);
    expect(run.state.status).toBe('completed');
  });
});

describe('inclusive gateway: tokens arriving together and joins in loops', () => {
  it('merges branches that reach the join in the same step into one token', () => {
    const def = definition({
      nodes: [
        start(),
        gateway('split', 'inclusive'),
        auto('a'),
        auto('b'),
        gateway('join', 'inclusive'),
        task('after'),
        end(),
      ],
      flows: [
        flow('start', 'split'),
        flow('split', 'a', { condition: 'true' }),
        flow('split', 'b', { condition: 'true' }),
        flow('a', 'join'),
        flow('b', 'join'),
        ...chain('join', 'after', 'end'),
      ],
    });
    const run = Instance.of(def);
    const { history } = run.start();
    expect(nodesOf(history, 'gateway.decided')).toEqual(['split', 'join']);
    expect(nodesOf(history, 'task.created')).toEqual(['after']);
    expect(tokensAt(run.state)).toEqual(['after:waiting']);
  });

  /** A loop around an inclusive split whose branches are a timer and an inner inclusive split/join. */
  const nested = definition({
    variables: [{ id: 'rounds', type: 'number', default: 0 }],
    nodes: [
      start(),
      gateway('again', 'exclusive'),
      gateway('outer', 'inclusive'),
      node('pause', 'timer', { duration: 'PT1H' }),
      gateway('inner', 'inclusive'),
      auto('a'),
      auto('b'),
      gateway('innerJoin', 'inclusive'),
      gateway('outerJoin', 'inclusive'),
      node('count', 'setVariables', { values: { rounds: 'rounds + 1' } }),
      gateway('more', 'exclusive'),
      end(),
    ],
    flows: [
      ...chain('start', 'again', 'outer'),
      flow('outer', 'pause', { condition: 'true' }),
      flow('outer', 'inner', { condition: 'true' }),
      flow('inner', 'a', { condition: 'true' }),
      flow('inner', 'b', { condition: 'true' }),
      flow('a', 'innerJoin'),
      flow('b', 'innerJoin'),
      flow('pause', 'outerJoin'),
      flow('innerJoin', 'outerJoin'),
      ...chain('outerJoin', 'count', 'more'),
      flow('more', 'again', { condition: 'rounds < 2' }),
      flow('more', 'end', { default: true }),
    ],
  });

  it('does not make an inner join in a loop wait for a sibling branch that only the loop leads back to', () => {
    const run = Instance.of(nested);
    const { history } = run.start();
    expect(nodesOf(history, 'gateway.decided')).toEqual(['again', 'outer', 'inner', 'innerJoin']);
    expect(tokensAt(run.state)).toEqual(['outerJoin:joining', 'pause:waiting']);
  });

  it('fires the outer join once per round, counting the token of the inner join', () => {
    const run = Instance.of(nested);
    run.start();
    run.fireNext();
    run.fireNext();
    expect(run.history.filter((h) => h.type === 'gateway.decided' && h.nodeId === 'outerJoin')).toHaveLength(
      2,
    );
    expect(nodesOf(run.history, 'node.completed').filter((id) => id === 'end')).toEqual(['end']);
    expect(run.state.status).toBe('completed');
  });
});
