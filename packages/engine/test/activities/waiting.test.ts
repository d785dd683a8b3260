import { describe, expect, it } from 'vitest';
import {
  chain,
  compiled,
  definition,
  end,
  flow,
  HOUR,
  Instance,
  line,
  node,
  nodesOf,
  start,
  T0,
  task,
} from '../helpers.ts';

describe('wait', () => {
  it('waits for a duration', () => {
    const run = Instance.of(line([node('w', 'wait', { duration: 'PT3H' })]));
    const { effects } = run.start();
    expect(effects).toEqual([
      { type: 'scheduleTimer', timerId: run.timers()[0]?.id, nodeId: 'w', dueAt: T0 + 3 * HOUR },
    ]);
    run.fireNext();
    expect(run.state.status).toBe('completed');
  });

  it('waits until a date', () => {
    const run = Instance.of(
      line([node('w', 'wait', { until: 'due' })], { parameters: [{ id: 'due', type: 'datetime' }] }),
    );
    run.start({ due: '2026-01-06T12:00:00Z' });
    expect(run.timers().map((t) => t.dueAt)).toEqual([Date.UTC(2026, 0, 6, 12)]);
  });

  it('fails with BAD_DATE instead of scheduling a timer at no time when the date is not a date', () => {
    const run = Instance.of(
      line([node('w', 'wait', { until: 'due' })], { parameters: [{ id: 'due', type: 'string' }] }),
    );
    const { state, effects } = run.start({ due: 'soon' });
    expect(effects).toEqual([]);
    expect(state.error).toEqual({
      code: 'BAD_DATE',
      message: 'wait until "soon" is not an ISO date-time',
      nodeId: 'w',
    });
  });

  it('completes at once when its condition already holds', () => {
    const run = Instance.of(
      line([node('w', 'wait', { condition: 'ready' })], {
        variables: [{ id: 'ready', type: 'boolean', default: true }],
      }),
    );
    const { effects, state } = run.start();
    expect(effects).toEqual([]);
    expect(state.status).toBe('completed');
  });

  it('re-checks its condition on each timer until it holds', () => {
    const run = Instance.of(
      definition({
        variables: [{ id: 'ready', type: 'boolean', default: false }],
        nodes: [
          start(),
          node('fork', 'parallel'),
          node('w', 'wait', { condition: 'ready', checkEvery: 'PT1H' }),
          task('prepare'),
          node('join', 'parallel'),
          end(),
        ],
        flows: [
          flow('start', 'fork'),
          ...chain('fork', 'w', 'join', 'end'),
          ...chain('fork', 'prepare', 'join'),
        ],
      }),
    );
    run.start();
    expect(run.timers().map((t) => t.dueAt)).toEqual([T0 + HOUR]);
    run.fireNext();
    expect(run.timers().map((t) => t.dueAt)).toEqual([T0 + 2 * HOUR]);
    run.complete('prepare', undefined, { ready: true });
    expect(run.state.status).toBe('running');
    const { history } = run.fireNext();
    expect(nodesOf(history, 'node.completed')).toEqual(['w', 'join', 'join', 'end']);
    expect(run.state.status).toBe('completed');
  });
});

describe('waits past what compile allows (versions published before it checked)', () => {
  /** A published wait or timer whose config says what compile now refuses. */
  const published = (type: string, config: Record<string, unknown>, loaded: Record<string, unknown>) => {
    const c = compiled(line([node('w', type, config)]));
    Object.assign(c.nodes.get('w')?.config as object, loaded);
    return new Instance(c);
  };

  it('fails a condition checked more often than once a second instead of spinning the job worker', () => {
    const run = published('wait', { condition: 'false', checkEvery: 'PT1H' }, { checkEvery: 'PT0S' });
    const { state, effects } = run.start();
    expect(effects).toEqual([]);
    expect(state.error).toEqual({
      code: 'BAD_DURATION',
      message: "checkEvery 'PT0S' repeats more often than once a second",
      nodeId: 'w',
    });
  });

  it('fails a wait past the year 275760 instead of scheduling it at no time', () => {
    const run = published('timer', { duration: 'PT1H' }, { duration: 'P300000Y' });
    expect(run.start().state.error).toEqual({
      code: 'BAD_DURATION',
      message: "'P300000Y' is longer than 1,000 years",
      nodeId: 'w',
    });
    const cycle = published('timer', { cycle: 'R/PT1H' }, { cycle: 'R/PT0.1S' });
    expect(cycle.start().state.error).toMatchObject({
      code: 'BAD_CYCLE',
      message: `timer cycle "R/PT0.1S": 'PT0.1S' repeats more often than once a second`,
    });
  });
});

describe('receiveTask', () => {
  const def = line([node('r', 'receiveTask', { message: 'paid', correlationKey: 'invoice' })], {
    parameters: [{ id: 'invoice', type: 'string' }],
  });

  it('subscribes with its correlation key', () => {
    const run = Instance.of(def);
    const { effects } = run.start({ invoice: 'INV-1' });
    expect(effects).toEqual([
      {
        type: 'subscribeMessage',
        waitId: run.state.waits[0]?.id,
        nodeId: 'r',
        message: 'paid',
        correlationKey: 'INV-1',
      },
    ]);
  });

  it('merges the payload of its message and completes', () => {
    const run = Instance.of(def);
    run.start({ invoice: 'INV-1' });
    const { history, state } = run.message('paid', 'INV-1', { paidAt: '2026-01-07' });
    expect(nodesOf(history, 'node.completed')).toEqual(['r', 'end']);
    expect(state.variables).toEqual({ invoice: 'INV-1', paidAt: '2026-01-07' });
  });

  it('rejects a message for another key', () => {
    const run = Instance.of(def);
    run.start({ invoice: 'INV-1' });
    expect(() => run.message('paid', 'INV-2')).toThrow(
      expect.objectContaining({ code: 'MESSAGE_NOT_CORRELATED' }),
    );
  });
});
