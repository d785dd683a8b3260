import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/index.ts';
import { EventRejected } from '../../src/index.ts';
import { effectsOf, HOUR, Instance, line, T0, task } from '../helpers.ts';

const vars = {
  variables: [
    { id: 'approved', type: 'boolean' as const },
    { id: 'comment', type: 'string' as const },
  ],
};

/** A small organisation: the accountants are ann and bob; bob is away and dan stands in for him. */
const directory: Directory = {
  expand: (refs) =>
    refs.flatMap((ref) => {
      if (ref === 'role:Accountant') {
        return [{ assignee: 'ann' }, { assignee: 'dan', meantFor: 'bob', reason: 'vacation' }];
      }
      if (ref === 'role:Nobody') return [];
      return [{ assignee: ref }];
    }),
};

const run = (config: Record<string, unknown>, ctx = {}) => {
  const instance = Instance.of(line([task('t', config)], vars), { directory, ...ctx });
  instance.start({}, { starter: 'sam' });
  return instance;
};
const created = (r: Instance) => effectsOf(r.effects, 'createTask');
const notified = (r: Instance) => effectsOf(r.effects, 'notify').map((e) => e.to);

describe('userTask: assignment through the directory', () => {
  it('gives each person of a role their own task in mode all, and records redirects', () => {
    const r = run({ kind: 'acknowledge', mode: 'all', assignees: ['"role:Accountant"'] });
    expect(created(r).map((e) => [e.assignees, e.redirects])).toEqual([
      [['ann'], []],
      [['dan'], [{ assignee: 'dan', meantFor: 'bob', reason: 'vacation' }]],
    ]);
    const history = r.history.filter((h) => h.type === 'task.created').map((h) => h.data?.redirects);
    expect(history).toEqual([undefined, [{ assignee: 'dan', meantFor: 'bob', reason: 'vacation' }]]);
  });

  it('falls back to the process administrator when a role has nobody', () => {
    const r = run({ assignees: ['"role:Nobody"'] });
    expect(created(r)[0]?.assignees).toEqual(['role:processAdministrator']);
  });

  it('passes the delegation policy to the task', () => {
    expect(created(run({ delegation: 'subordinate' }))[0]?.delegation).toBe('subordinate');
  });
});

describe('userTask: comments and refusals', () => {
  it('refuses a rejection without a comment when the template asks for one, changing nothing', () => {
    const r = run({ kind: 'approve', requireCommentOnReject: true });
    const before = r.state;
    expect(() => r.complete('t', 'rejected')).toThrow(EventRejected);
    expect(r.state).toBe(before);
    r.complete('t', 'rejected', { comment: 'Budget is spent' });
    expect(r.state.variables).toMatchObject({ approved: false, comment: 'Budget is spent' });
  });

  it('lets an information request be refused when allowed', () => {
    const r = run({ kind: 'requestInfo', allowReject: true });
    expect(created(r)[0]?.outcomes).toEqual([{ id: 'submitted' }, { id: 'rejected' }]);
    r.complete('t', 'rejected');
    expect(r.state.variables.approved).toBe(false);
    expect(r.state.status).toBe('completed');
  });
});

describe('userTask: deadlines and escalation', () => {
  const escalating = (escalation: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    run({
      kind: 'acknowledge',
      mode: 'all',
      assignees: ['"ann"', '"bob"', '"cat"'],
      deadline: 'PT8H',
      escalation,
      ...extra,
    });

  it('reminds the people who have not answered before the deadline', () => {
    const r = escalating({ remindBefore: 'PT2H' });
    r.complete(r.tasks('t')[0] as string);
    r.fireNext();
    expect(r.now).toBe(T0 + 6 * HOUR);
    expect(notified(r)).toEqual([['bob', 'cat']]);
    // Worded by Baton: the readers see it in their language, the deadline in their time zone.
    expect(effectsOf(r.effects, 'notify')[0]?.message).toEqual({
      key: 'taskReminder',
      title: expect.any(String),
      dueAt: T0 + 8 * HOUR,
    });
  });

  it("notifies the late people's heads and others exactly once at the deadline", () => {
    const r = escalating({ notify: ['"owner"'] });
    r.complete(r.tasks('t')[0] as string);
    r.fireNext();
    expect(r.now).toBe(T0 + 8 * HOUR);
    expect(notified(r)).toEqual([['head:bob', 'head:cat', 'owner']]);
    expect(effectsOf(r.effects, 'notify')[0]?.message).toEqual({
      key: 'taskOverdue',
      title: expect.any(String),
      late: ['bob', 'cat'],
    });
    expect(r.timers()).toEqual([]);
    expect(r.state.status).toBe('running');
  });

  it('sends a template’s own overdue text as written, with no wording of Baton’s to translate', () => {
    const r = escalating({ notify: ['"owner"'], notifyHeads: false, text: 'Late again' });
    r.fireNext();
    expect(effectsOf(r.effects, 'notify').map((e) => [e.text, e.message])).toEqual([
      ['Late again', undefined],
    ]);
  });

  it('leaves the heads out when notifyHeads is false: only the names in notify are told', () => {
    const r = escalating({ notify: ['"owner"'], notifyHeads: false });
    r.fireNext();
    expect(r.now).toBe(T0 + 8 * HOUR);
    expect(notified(r)).toEqual([['owner']]);
  });

  it('closes at the deadline: the process goes on and the unanswered tasks show as cancelled', () => {
    const r = escalating({ closeAtDeadline: true, notifyHeads: false });
    r.complete(r.tasks('t')[0] as string);
    r.fireNext();
    expect(r.state.status).toBe('completed');
    const cancelled = r.history.filter((h) => h.type === 'task.cancelled').map((h) => h.data?.reason);
    expect(cancelled).toEqual(['deadline passed', 'deadline passed']);
  });

  it('reassigns the open tasks at the deadline to one task for the new people', () => {
    const r = run({
      kind: 'approve',
      assignees: ['"bob"'],
      deadline: 'P1D',
      escalation: { notifyHeads: false, reassignTo: ['"cat"'] },
    });
    r.fireNext();
    expect(created(r).map((e) => e.assignees)).toEqual([['bob'], ['cat']]);
    r.complete('t', 'approved');
    expect(r.state).toMatchObject({ status: 'completed', variables: { approved: true } });
  });

  it('cancels its timers when the task is answered before the deadline', () => {
    const r = escalating({ remindBefore: 'PT2H' }, { mode: 'any' });
    r.complete('t');
    expect(r.timers()).toEqual([]);
    expect(effectsOf(r.effects, 'cancelTimer')).toHaveLength(2);
  });
});

describe('userTask: a task that changes hands', () => {
  const reassign = (r: Instance, taskId: string, assignees: string[], extra = {}) =>
    r.send({ type: 'taskReassigned', taskId, assignees, cause: 'redirected', ...extra });

  it('reminds and escalates to whoever holds the task now', () => {
    const r = run({
      kind: 'acknowledge',
      mode: 'all',
      assignees: ['"ann"', '"bob"'],
      deadline: 'PT8H',
      escalation: { remindBefore: 'PT2H' },
    });
    const [, bobs] = r.tasks('t') as [string, string];
    const { history } = reassign(r, bobs, ['dan'], { meantFor: 'bob', reason: 'vacation' });
    expect(history).toEqual([
      {
        type: 'task.reassigned',
        at: T0,
        nodeId: 't',
        tokenId: expect.any(String),
        taskId: bobs,
        data: { from: ['bob'], to: ['dan'], meantFor: 'bob', reason: 'vacation' },
      },
    ]);
    r.fireNext();
    r.fireNext();
    expect(notified(r)).toEqual([
      ['ann', 'dan'],
      ['head:ann', 'head:dan'],
    ]);
  });

  it('records a delegation with who did it', () => {
    const r = run({ kind: 'approve', assignees: ['"bob"'] });
    const { history } = r.send({
      type: 'taskReassigned',
      taskId: r.task('t'),
      assignees: ['cat'],
      cause: 'delegated',
      actor: { id: 'bob' },
    });
    expect(history.map((h) => [h.type, h.actor, h.data])).toEqual([
      ['task.delegated', 'bob', { from: ['bob'], to: ['cat'] }],
    ]);
    r.complete('t', 'approved');
    expect(r.state.status).toBe('completed');
  });

  it('refuses a task that is not open, or handing it to nobody, changing nothing', () => {
    const r = run({ kind: 'approve', assignees: ['"bob"'] });
    const before = r.state;
    expect(() => reassign(r, 'nope', ['cat'])).toThrow(/task nope is not open/);
    expect(() => reassign(r, r.task('t'), [])).toThrow(/cannot be handed to nobody/);
    expect(r.state).toBe(before);
  });
});
