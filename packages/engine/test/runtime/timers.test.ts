import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/index.ts';
import {
  auto,
  chain,
  compiled,
  DAY,
  definition,
  effectsOf,
  end,
  HOUR,
  Instance,
  line,
  node,
  nodesOf,
  start,
  T0,
  task,
  trace,
} from '../helpers.ts';

const FRIDAY_17 = Date.UTC(2026, 0, 9, 17);
const MONDAY_10 = Date.UTC(2026, 0, 12, 10);

describe('intermediate timer events', () => {
  it('waits for a duration', () => {
    const run = Instance.of(line([node('pause', 'timer', { duration: 'PT2H' })]));
    const { effects, history } = run.start();
    const [timer] = run.timers();
    expect(effects).toEqual([
      { type: 'scheduleTimer', timerId: timer?.id, nodeId: 'pause', dueAt: T0 + 2 * HOUR },
    ]);
    expect(history.at(-1)).toEqual({
      type: 'timer.scheduled',
      at: T0,
      nodeId: 'pause',
      tokenId: expect.any(String),
      timerId: timer?.id,
      data: { dueAt: T0 + 2 * HOUR },
    });
    const fired = run.fireNext();
    expect(trace(fired.history)).toEqual([
      'timer.fired pause',
      'node.completed pause',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(fired.history[0]?.at).toBe(T0 + 2 * HOUR);
  });

  it('waits until a date given by an expression', () => {
    const run = Instance.of(
      line([node('until', 'timer', { date: 'due' })], { parameters: [{ id: 'due', type: 'datetime' }] }),
    );
    run.start({ due: '2026-02-01T10:00:00Z' });
    expect(run.timers()).toEqual([
      { id: expect.any(String), nodeId: 'until', dueAt: Date.UTC(2026, 1, 1, 10) },
    ]);
    run.fireNext();
    expect(run.state.status).toBe('completed');
  });

  it('fails with BAD_DATE when the date expression gives no date', () => {
    const run = Instance.of(
      line([node('until', 'timer', { date: 'due' })], { parameters: [{ id: 'due', type: 'string' }] }),
    );
    const { state } = run.start({ due: 'next Tuesday' });
    expect(state.error).toEqual({
      code: 'BAD_DATE',
      message: 'timer date "next Tuesday" is not an ISO date-time',
      nodeId: 'until',
    });
  });
});

describe('boundary timer events', () => {
  const def = (config: Record<string, unknown>) =>
    definition({
      nodes: [
        start(),
        task('work'),
        node('late', 'timerBoundary', config, { attachedTo: 'work' }),
        node('remind', 'notify', { to: ['"boss"'], text: 'work is late' }),
        end(),
        end('escalated'),
      ],
      flows: [...chain('start', 'work', 'end'), ...chain('late', 'remind', 'escalated')],
    });

  it('arms the timer while the activity waits', () => {
    const run = Instance.of(def({ duration: 'P1D' }));
    const { effects } = run.start();
    expect(effectsOf(effects, 'scheduleTimer')).toEqual([
      { type: 'scheduleTimer', timerId: run.timers()[0]?.id, nodeId: 'late', dueAt: T0 + DAY },
    ]);
  });

  it('cancels the user task when an interrupting timer fires', () => {
    const run = Instance.of(def({ duration: 'P1D' }));
    run.start();
    const work = run.task('work');
    const { effects, history, state } = run.fireNext();
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: work, nodeId: 'work', reason: 'boundary event late' },
      { type: 'notify', key: expect.any(String), nodeId: 'remind', to: ['boss'], text: 'work is late' },
    ]);
    expect(trace(history)).toEqual([
      'timer.fired late',
      'task.cancelled work',
      'node.cancelled work',
      'node.entered late',
      'node.completed late',
      'node.entered remind',
      'node.completed remind',
      'node.entered escalated',
      'node.completed escalated',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
  });

  it('keeps the task when a non-interrupting timer fires, and runs the escalation path', () => {
    const run = Instance.of(def({ duration: 'P1D', interrupting: false }));
    run.start();
    const work = run.task('work');
    const { effects, history } = run.fireNext();
    expect(effects).toEqual([
      { type: 'notify', key: expect.any(String), nodeId: 'remind', to: ['boss'], text: 'work is late' },
    ]);
    expect(nodesOf(history, 'node.completed')).toEqual(['late', 'remind', 'escalated']);
    expect(run.tasks()).toEqual([work]);
    expect(run.state.status).toBe('running');
    run.complete(work);
    expect(run.state.status).toBe('completed');
  });

  it('cancels the boundary timer when the activity completes first', () => {
    const run = Instance.of(def({ duration: 'P1D' }));
    run.start();
    const [timer] = run.timers();
    const { effects, state } = run.complete('work');
    expect(effects).toEqual([{ type: 'cancelTimer', timerId: timer?.id, nodeId: 'late' }]);
    expect(state.status).toBe('completed');
  });

  it('fires a non-interrupting R2/PT1H cycle exactly twice', () => {
    const run = Instance.of(def({ cycle: 'R2/PT1H', interrupting: false }));
    run.start();
    run.fireNext();
    expect(run.timers().map((t) => t.dueAt)).toEqual([T0 + 2 * HOUR]);
    run.fireNext();
    expect(run.timers()).toEqual([]);
    expect(effectsOf(run.effects, 'notify')).toHaveLength(2);
    expect(nodesOf(run.history, 'timer.fired')).toEqual(['late', 'late']);
    expect(run.history.filter((h) => h.type === 'timer.fired').map((h) => h.at)).toEqual([
      T0 + HOUR,
      T0 + 2 * HOUR,
    ]);
    run.complete('work');
    expect(run.state.status).toBe('completed');
  });
});

describe('working time', () => {
  const calendar = createWorkCalendar();

  it('counts a working-time timer duration through the calendar: Friday 17:00 + PT2H = Monday 10:00', () => {
    const c = compiled(line([node('pause', 'timer', { duration: 'PT2H', workingTime: true })]));
    const run = new Instance(c, { calendar }, FRIDAY_17);
    run.start();
    expect(run.timers().map((t) => t.dueAt)).toEqual([MONDAY_10]);
  });

  it('counts a user task deadline in working days: Friday 17:00 + P1D = Monday 17:00', () => {
    const c = compiled(line([task('work', { deadline: 'P1D', workingTime: true })]));
    const run = new Instance(c, { calendar }, FRIDAY_17);
    const { effects } = run.start();
    expect(effectsOf(effects, 'createTask')[0]?.dueAt).toBe(Date.UTC(2026, 0, 12, 17));
  });

  it('fails with NO_CALENDAR when working time is asked for without a calendar', () => {
    const run = Instance.of(line([node('pause', 'timer', { duration: 'PT2H', workingTime: true })]));
    expect(run.start().state.error).toEqual({
      code: 'NO_CALENDAR',
      message: 'a working-time duration needs a calendar in the step context',
      nodeId: 'pause',
    });
  });
});

describe('timers and automatic work', () => {
  it('takes the time of the event for everything that follows it', () => {
    const run = Instance.of(line([node('pause', 'timer', { duration: 'PT30M' }), auto('after')]));
    run.start();
    const { history } = run.fireNext();
    expect(new Set(history.map((h) => h.at))).toEqual(new Set([T0 + 30 * 60_000]));
  });
});
