import { describe, expect, it } from 'vitest';
import { effectsOf, HOUR, Instance, line, T0, task, trace } from '../helpers.ts';

const approvers = ['"ann"', '"bob"', '"cat"', '"dan"', '"eve"'];
const params = {
  parameters: [{ id: 'reviewers', type: 'users' as const }],
  variables: [
    { id: 'approved', type: 'boolean' as const },
    { id: 'comment', type: 'string' as const },
  ],
};

function run(config: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const instance = Instance.of(line([task('t', config, extra)], params));
  instance.start({ reviewers: ['rita', 'ron'] }, { starter: 'sam' });
  return instance;
}

const created = (r: Instance) => effectsOf(r.effects, 'createTask');

describe('userTask: kinds and outcomes', () => {
  it.each([
    ['approve', ['approved', 'rejected']],
    ['review', ['reviewed']],
    ['acknowledge', ['acknowledged']],
    ['requestInfo', ['submitted']],
    ['form', ['submitted']],
  ])('gives a %s task its default outcomes', (kind, outcomes) => {
    const [effect] = created(run({ kind }));
    expect(effect?.kind).toBe(kind);
    expect(effect?.outcomes).toEqual(outcomes.map((id) => ({ id })));
  });

  it('uses the outcomes it declares', () => {
    const outcomes = [{ id: 'pay', label: 'Pay now' }, { id: 'later' }];
    expect(created(run({ kind: 'review', outcomes }))[0]?.outcomes).toEqual(outcomes);
  });

  it('renders title and description, and passes fields and the deadline as dueAt', () => {
    const fields = [{ id: 'comment', type: 'text' as const, required: true }];
    const r = run({ title: 'Check for {{ starter }}', description: 'Due soon', deadline: 'PT8H', fields });
    expect(created(r)).toEqual([
      {
        type: 'createTask',
        taskId: r.task('t'),
        nodeId: 't',
        kind: 'form',
        title: 'Check for sam',
        description: 'Due soon',
        assignees: ['role:processAdministrator'],
        redirects: [],
        delegation: 'anyone',
        dueAt: T0 + 8 * HOUR,
        fields,
        outcomes: [{ id: 'submitted' }],
      },
    ]);
  });

  it('merges the variables a form task is completed with', () => {
    const r = run({ kind: 'form' });
    r.complete('t', undefined, { comment: 'all good' });
    expect(r.state.variables).toEqual({ reviewers: ['rita', 'ron'], comment: 'all good' });
    expect(r.state.status).toBe('completed');
  });
});

describe('userTask: assignees', () => {
  it('evaluates assignee expressions: the starter, a list, a built reference', () => {
    const r = run({ assignees: ['starter', 'reviewers', '"role:" + "Accounting"'] });
    expect(created(r)[0]?.assignees).toEqual(['sam', 'rita', 'ron', 'role:Accounting']);
  });

  it("falls back to the node's role when it names no assignees", () => {
    const r = run({}, { role: 'Accounting' });
    expect(created(r)[0]).toMatchObject({ assignees: ['role:Accounting'], role: 'Accounting' });
  });

  it("falls back to the node's role when its assignee expressions give nobody", () => {
    const r = run({ assignees: ['""', '[]'] }, { role: 'Accounting' });
    expect(created(r)[0]).toMatchObject({ assignees: ['role:Accounting'] });
  });
});

describe('userTask: mode any', () => {
  it('creates one task for all assignees; the first answer decides', () => {
    const r = run({ kind: 'approve', mode: 'any', assignees: approvers.slice(0, 3) });
    expect(created(r).map((e) => e.assignees)).toEqual([['ann', 'bob', 'cat']]);
    r.complete('t', 'rejected');
    expect(r.state.variables.approved).toBe(false);
    expect(r.state.status).toBe('completed');
  });

  it('takes a boolean result variable as the decision when there is no outcome', () => {
    const r = run({ kind: 'approve', resultVariable: 'approved' });
    r.complete('t', undefined, { approved: false, comment: 'no budget' });
    expect(r.state.variables).toEqual({ reviewers: ['rita', 'ron'], comment: 'no budget', approved: false });
  });
});

describe('userTask: mode all', () => {
  it('creates a task per assignee', () => {
    const r = run({ kind: 'approve', mode: 'all', assignees: approvers.slice(0, 3) });
    expect(created(r).map((e) => e.assignees)).toEqual([['ann'], ['bob'], ['cat']]);
  });

  it('approves once every assignee approved', () => {
    const r = run({ kind: 'approve', mode: 'all', assignees: approvers.slice(0, 3) });
    const [a, b, c] = r.tasks('t') as [string, string, string];
    r.complete(a, 'approved');
    r.complete(c, 'approved');
    expect(r.state.status).toBe('running');
    r.complete(b, 'approved');
    expect(r.state.variables.approved).toBe(true);
    expect(r.state.status).toBe('completed');
  });

  it('decides rejected at the first rejection and cancels the other tasks', () => {
    const r = run({ kind: 'approve', mode: 'all', assignees: approvers.slice(0, 3) });
    const [a, b, c] = r.tasks('t') as [string, string, string];
    r.complete(a, 'approved');
    const { effects, history, state } = r.complete(b, 'rejected');
    expect(effects).toEqual([{ type: 'cancelTask', taskId: c, nodeId: 't', reason: 'decided' }]);
    expect(trace(history)).toEqual([
      'task.completed t',
      'task.cancelled t',
      'variables.changed t',
      'node.completed t',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(state.variables.approved).toBe(false);
  });

  it('gives each of 30,000 people a task, and cancels all the others at the first rejection', () => {
    const instance = Instance.of(
      line([task('t', { kind: 'approve', mode: 'all', assignees: ['reviewers'] })], params),
    );
    const reviewers = Array.from({ length: 30_000 }, (_, i) => `u${i}`);
    instance.start({ reviewers });
    expect(created(instance)).toHaveLength(30_000);
    const tasks = instance.tasks('t');
    expect(instance.state.waits).toHaveLength(30_000);
    const { effects, state } = instance.complete(tasks[123] as string, 'rejected');
    expect(effectsOf(effects, 'cancelTask')).toHaveLength(29_999);
    expect(state.waits).toEqual([]);
    expect(state.status).toBe('completed');
  });

  it('completes a review task when everyone has reviewed', () => {
    const r = run({ kind: 'review', mode: 'all', assignees: ['reviewers'] });
    const [a, b] = r.tasks('t') as [string, string];
    r.complete(a);
    expect(r.state.status).toBe('running');
    r.complete(b);
    expect(r.state.status).toBe('completed');
  });
});

describe('userTask: mode percent', () => {
  const vote = (answers: string[]) => {
    const r = run({ kind: 'approve', mode: 'percent', percent: 60, assignees: approvers });
    const tasks = r.tasks('t');
    answers.forEach((outcome, i) => {
      r.complete(tasks[i] as string, outcome);
    });
    return { r, tasks };
  };

  it('stops as soon as the threshold is reached (3 of 5 for 60%) and cancels the rest', () => {
    const { r, tasks } = vote(['approved', 'rejected', 'approved']);
    expect(r.state.status).toBe('running');
    const { effects } = r.complete(tasks[3] as string, 'approved');
    expect(effects).toEqual([{ type: 'cancelTask', taskId: tasks[4], nodeId: 't', reason: 'decided' }]);
    expect(r.state.variables.approved).toBe(true);
    expect(r.state.status).toBe('completed');
  });

  it('stops rejected once the threshold can no longer be reached', () => {
    const { r, tasks } = vote(['rejected', 'rejected']);
    expect(r.state.status).toBe('running');
    const { effects } = r.complete(tasks[2] as string, 'rejected');
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: tasks[3], nodeId: 't', reason: 'decided' },
      { type: 'cancelTask', taskId: tasks[4], nodeId: 't', reason: 'decided' },
    ]);
    expect(r.state.variables.approved).toBe(false);
  });

  it.each([
    // 5 × 50 % = 2.5 votes: a half vote does not exist, so it takes 3 — and 3 rejections to fail.
    [50, 5, 3],
    // 3 × 67 % = 2.01 votes: takes 3, all of them.
    [67, 3, 3],
  ])('rounds a threshold up to whole votes: %i percent of %i voters needs %i', (percent, voters, needed) => {
    const r = run({ kind: 'approve', mode: 'percent', percent, assignees: approvers.slice(0, voters) });
    const tasks = r.tasks('t');
    for (const t of tasks.slice(0, needed - 1)) r.complete(t as string, 'approved');
    expect(r.state.status).toBe('running');
    r.complete(tasks[needed - 1] as string, 'approved');
    expect(r.state.variables.approved).toBe(true);
    expect(r.state.status).toBe('completed');
  });
});

describe('userTask: mode sequential', () => {
  it('creates the tasks one after another', () => {
    const r = run({ kind: 'approve', mode: 'sequential', assignees: approvers.slice(0, 3) });
    expect(created(r).map((e) => e.assignees)).toEqual([['ann']]);
    r.complete('t', 'approved');
    expect(created(r).map((e) => e.assignees)).toEqual([['ann'], ['bob']]);
    r.complete('t', 'approved');
    r.complete('t', 'approved');
    expect(created(r).map((e) => e.assignees)).toEqual([['ann'], ['bob'], ['cat']]);
    expect(r.state.variables.approved).toBe(true);
    expect(r.state.status).toBe('completed');
  });

  it('stops at the first rejection', () => {
    const r = run({ kind: 'approve', mode: 'sequential', assignees: approvers.slice(0, 3) });
    r.complete('t', 'approved');
    r.complete('t', 'rejected');
    expect(created(r).map((e) => e.assignees)).toEqual([['ann'], ['bob']]);
    expect(r.state.variables.approved).toBe(false);
    expect(r.state.status).toBe('completed');
  });

  it('passes an acknowledgement along every assignee in turn', () => {
    const r = run({ kind: 'acknowledge', mode: 'sequential', assignees: ['reviewers', 'starter'] });
    for (let i = 0; i < 3; i++) r.complete('t');
    expect(created(r).map((e) => e.assignees)).toEqual([['rita'], ['ron'], ['sam']]);
    expect(r.state.status).toBe('completed');
  });
});
