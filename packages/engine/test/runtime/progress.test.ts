import { describe, expect, it } from 'vitest';
import { runProgress } from '../../src/index.ts';
import { chain, definition, end, flow, gateway, Instance, start, task } from '../helpers.ts';

const review = definition({
  variables: [{ id: 'approved', type: 'boolean' }],
  nodes: [
    start(),
    task('draft', { kind: 'form', title: 'Write the memo' }),
    task('check', { kind: 'approve', assignees: ['"boss"'] }),
    gateway('ok', 'exclusive'),
    gateway('split', 'parallel'),
    task('hr', { kind: 'form', title: 'HR' }),
    task('pay', { kind: 'form', title: 'Accounting' }),
    gateway('join', 'parallel'),
    end(),
  ],
  flows: [
    ...chain('start', 'draft', 'check', 'ok'),
    flow('ok', 'split', { condition: 'approved' }),
    flow('ok', 'draft', { default: true }),
    flow('split', 'hr'),
    flow('split', 'pay'),
    flow('hr', 'join'),
    flow('pay', 'join'),
    flow('join', 'end'),
  ],
});
const flows = review.flows ?? [];

describe('a run’s progress from its history', () => {
  it('marks where the run is, what it did and the flows it took; a loop makes a node active again', () => {
    const run = Instance.of(review);
    run.start();
    let now = runProgress(flows, run.history);
    expect(now.current).toEqual(['draft']);
    expect(now.nodes).toEqual({ start: 'done', draft: 'active' });
    expect(now.flows).toEqual(['start->draft']);

    run.complete('draft');
    run.complete('check', 'rejected', { approved: false });
    now = runProgress(flows, run.history);
    expect(now.current).toEqual(['draft']);
    expect(now.nodes).toMatchObject({ draft: 'active', check: 'done', ok: 'done' });
    // The gateway's choice, not "source completed and target entered": ok→split was never taken.
    expect(now.flows).toContain('ok->draft');
    expect(now.flows).not.toContain('ok->split');
  });

  it('shows a join waiting for its other branch among the current nodes', () => {
    const run = Instance.of(review);
    run.start();
    run.complete('draft');
    run.complete('check', 'approved', { approved: true });
    run.complete('hr');
    const now = runProgress(flows, run.history);
    expect(now.current.sort()).toEqual(['join', 'pay']);
    expect(now.nodes).toMatchObject({ hr: 'done', pay: 'active', join: 'active' });
    expect(now.flows).toEqual(expect.arrayContaining(['ok->split', 'split->hr', 'split->pay', 'hr->join']));
    expect(now.flows).not.toContain('pay->join');

    run.complete('pay');
    const done = runProgress(flows, run.history);
    expect(done.current).toEqual([]);
    expect(done.nodes.end).toBe('done');
    expect(done.flows).toContain('join->end');
  });

  it('marks nodes a termination cancelled, and a node id that is an Object property is only a key', () => {
    const run = Instance.of(review);
    run.start();
    run.send({ type: 'terminate', reason: 'not needed' });
    const now = runProgress(flows, run.history);
    expect(now.current).toEqual([]);
    expect(now.nodes.draft).toBe('cancelled');
    const odd = runProgress([], [{ type: 'node.entered', nodeId: '__proto__', tokenId: 't1' }]);
    expect(Object.keys(odd.nodes)).toEqual(['__proto__']);
    expect(odd.current).toEqual(['__proto__']);
  });
});
