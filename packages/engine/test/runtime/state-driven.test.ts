import { describe, expect, it } from 'vitest';
import {
  DAY,
  definition,
  end,
  flow,
  Instance,
  node,
  nodesOf,
  start,
  T0,
  tokensAt,
  trace,
} from '../helpers.ts';

/** A ticket: new → (take, managers only) → inWork → (finish) → done; reopened by message; expires after 3 days. */
const ticket = definition({
  parameters: [{ id: 'title', type: 'string' }],
  variables: [
    { id: 'stage', type: 'string' },
    { id: 'note', type: 'string' },
  ],
  nodes: [
    start(),
    node('new', 'state', {
      entry: [
        { type: 'setVariables', config: { values: { stage: '"new"' } } },
        { type: 'notify', config: { to: ['starter'], text: 'New ticket {{ title }}' } },
      ],
    }),
    node('inWork', 'state', {
      entry: [{ type: 'setVariables', config: { values: { stage: '"in work"' } } }],
    }),
    end('done'),
    end('expired'),
  ],
  flows: [
    flow('start', 'new'),
    flow('new', 'inWork', {
      trigger: { kind: 'command', command: 'take', allowed: "'manager' in actor.roles" },
    }),
    flow('new', 'expired', { trigger: { kind: 'timer', duration: 'P3D' } }),
    flow('inWork', 'done', { trigger: { kind: 'command', command: 'finish' } }),
    flow('inWork', 'new', { trigger: { kind: 'message', message: 'reopen', correlationKey: 'title' } }),
  ],
});

const manager = { id: 'm1', roles: ['manager'] };

function started() {
  const run = Instance.of(ticket);
  run.start({ title: 'T-1' }, { starter: 'u1' });
  return run;
}

describe('state-driven processes', () => {
  it('runs the entry actions of a state, then waits on its timer transition', () => {
    const run = Instance.of(ticket);
    const { effects, history } = run.start({ title: 'T-1' }, { starter: 'u1' });
    expect(effects).toEqual([
      { type: 'notify', key: expect.any(String), nodeId: 'new', to: ['u1'], text: 'New ticket T-1' },
      { type: 'scheduleTimer', timerId: run.timers()[0]?.id, nodeId: 'new', dueAt: T0 + 3 * DAY },
    ]);
    expect(trace(history).slice(-3)).toEqual([
      'node.entered new',
      'variables.changed new',
      'timer.scheduled new',
    ]);
    expect(run.state.variables).toEqual({ title: 'T-1', stage: 'new' });
    expect(tokensAt(run.state)).toEqual(['new:waiting']);
  });

  it('moves along a command a permitted user invokes, leaving the state', () => {
    const run = started();
    const [timer] = run.timers();
    const { effects, history } = run.command('take', manager, { note: 'mine' });
    expect(effects).toEqual([
      { type: 'cancelTimer', timerId: timer?.id, nodeId: 'new' },
      {
        type: 'subscribeMessage',
        waitId: run.state.waits[0]?.id,
        nodeId: 'inWork',
        message: 'reopen',
        correlationKey: 'T-1',
      },
    ]);
    expect(trace(history)).toEqual([
      'command.invoked new',
      'variables.changed new',
      'node.completed new',
      'node.entered inWork',
      'variables.changed inWork',
    ]);
    expect(history[0]).toMatchObject({ actor: 'm1', data: { command: 'take' } });
    expect(run.state.variables).toEqual({ title: 'T-1', stage: 'in work', note: 'mine' });
  });

  it('rejects a command the actor may not invoke with COMMAND_NOT_ALLOWED', () => {
    const run = started();
    expect(() => run.command('take', { id: 'u2', roles: ['clerk'] })).toThrow(
      expect.objectContaining({
        code: 'COMMAND_NOT_ALLOWED',
        message: 'u2 may not invoke "take" in state "new"',
      }),
    );
    expect(() => run.command('take')).toThrow(expect.objectContaining({ code: 'COMMAND_NOT_ALLOWED' }));
    expect(tokensAt(run.state)).toEqual(['new:waiting']);
  });

  it('rejects an unknown command with COMMAND_NOT_AVAILABLE, listing the available ones', () => {
    const run = started();
    expect(() => run.command('archive', manager)).toThrow(
      expect.objectContaining({
        code: 'COMMAND_NOT_AVAILABLE',
        message: 'command "archive" is not available; available: take',
      }),
    );
  });

  it('rejects a command of another state as not available', () => {
    const run = started();
    expect(() => run.command('finish', manager)).toThrow(
      expect.objectContaining({ code: 'COMMAND_NOT_AVAILABLE' }),
    );
  });

  it('takes a timer transition when the timer fires', () => {
    const run = started();
    const { history, state } = run.fireNext();
    expect(trace(history)).toEqual([
      'timer.fired new',
      'node.completed new',
      'node.entered expired',
      'node.completed expired',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
  });

  it('takes a message transition back to an earlier state, running its entry actions again', () => {
    const run = started();
    run.command('take', manager);
    const { effects, state } = run.message('reopen', 'T-1', { note: 'still broken' });
    expect(effects.map((e) => e.type)).toEqual(['notify', 'scheduleTimer']);
    expect(state.variables).toEqual({ title: 'T-1', stage: 'new', note: 'still broken' });
    expect(nodesOf(run.history, 'node.entered')).toEqual(['start', 'new', 'inWork', 'new']);
  });

  it('lets anyone invoke a command without an allowed condition, and ends', () => {
    const run = started();
    run.command('take', manager);
    const { state } = run.command('finish');
    expect(state.status).toBe('completed');
    expect(nodesOf(run.history, 'node.completed')).toEqual(['start', 'new', 'inWork', 'done']);
  });
});
