import { describe, expect, it } from 'vitest';
import { type Answer, DEFAULT_SIMULATION_START, type HistoryEvent, simulate } from '../../src/index.ts';
import { compiled, DAY, HOUR, nodesOf } from '../helpers.ts';
import purchase from './fixtures/purchase.json' with { type: 'json' };

const definition = compiled(purchase);

function run(answers: Record<string, Answer[]>) {
  const history: HistoryEvent[] = [];
  const result = simulate(definition, {
    params: { item: 'servers' },
    starter: 'sam',
    answers,
    onHistory: (h) => history.push(h),
  });
  return { ...result, history };
}

describe('purchase process (11 blocks, two returns, a parallel section)', () => {
  const threeRounds = {
    request: [{ amount: 250_000 }, { amount: 250_000 }, { amount: 180_000 }],
    head: [
      { $outcome: 'rejected', $after: 'PT2H' },
      { $outcome: 'approved', $after: 'PT2H' },
      { $outcome: 'approved', $after: 'PT2H' },
    ],
    director: [
      { $outcome: 'rejected', $after: 'P1D' },
      { $outcome: 'approved', $after: 'P1D' },
    ],
  };

  it('returns to the request after the head rejects and after the director rejects, then completes', () => {
    const { state, history } = run(threeRounds);
    expect(nodesOf(history, 'task.created')).toEqual([
      'request',
      'head',
      'request',
      'head',
      'director',
      'request',
      'head',
      'director',
      'pay',
      'order',
      'receive',
    ]);
    expect(state.status).toBe('completed');
    expect(state.tokens).toEqual([]);
    expect(state.waits).toEqual([]);
    expect(state.variables).toEqual({
      item: 'servers',
      amount: 180_000,
      headApproved: true,
      directorApproved: true,
    });
  });

  it('decides each round at the gateways it passes', () => {
    const { history } = run(threeRounds);
    const decided = history.filter((h) => h.type === 'gateway.decided').map((h) => h.data?.flows);
    expect(decided).toEqual([['big'], ['big'], ['f10'], ['f3', 'f4'], ['f7']]);
  });

  it('notifies the requester once, at the end, with the final data', () => {
    const { effects, now } = run(threeRounds);
    expect(effects).toEqual([
      {
        type: 'notify',
        key: expect.any(String),
        nodeId: 'tell',
        to: ['sam'],
        text: 'Your servers (180000) has arrived',
      },
    ]);
    expect(now).toBe(DEFAULT_SIMULATION_START + 3 * 2 * HOUR + 2 * DAY);
  });

  it('skips the director when the amount is within budget', () => {
    const { state, history } = run({ request: [{ amount: 5_000 }], head: [{ $outcome: 'approved' }] });
    expect(nodesOf(history, 'task.created')).toEqual(['request', 'head', 'pay', 'order', 'receive']);
    expect(state.status).toBe('completed');
  });

  it('gives every task its assignees and role', () => {
    const roles: Record<string, unknown> = {};
    simulate(definition, {
      params: { item: 'servers' },
      starter: 'sam',
      answers: { request: [{ amount: 5_000 }], head: [{ $outcome: 'approved' }] },
      onHistory: (h) => {
        if (h.type === 'task.created' && h.nodeId) roles[h.nodeId] = h.data?.assignees;
      },
    });
    expect(roles).toEqual({
      request: ['sam'],
      head: ['role:Head'],
      pay: ['role:Accounting'],
      order: ['role:Logistics'],
      receive: ['role:Warehouse'],
    });
  });
});
