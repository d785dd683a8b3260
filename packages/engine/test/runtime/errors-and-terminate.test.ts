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
  start,
  task,
  tokensAt,
  trace,
} from '../helpers.ts';

const inside = { parent: 'sub' };

/** A sub-process that throws NOT_OK unless `valid`, while another task runs beside it. */
const withErrorEnd = (boundary: Record<string, unknown> | null) =>
  definition({
    variables: [{ id: 'valid', type: 'boolean', default: false }],
    nodes: [
      start(),
      node('sub', 'subProcess'),
      start('subStart', inside),
      node('fork', 'parallel', undefined, inside),
      task('other', {}, inside),
      task('judge', {}, inside),
      node('ok', 'exclusive', undefined, inside),
      node('fail', 'errorEnd', { errorCode: 'NOT_OK', message: 'the request is not valid' }, inside),
      end('subEnd', inside),
      end('otherEnd', inside),
      ...(boundary
        ? [node('caught', 'errorBoundary', boundary, { attachedTo: 'sub' }), task('fix'), end('fixed')]
        : []),
      end(),
    ],
    flows: [
      ...chain('start', 'sub', 'end'),
      ...chain('subStart', 'fork', 'judge', 'ok'),
      ...chain('fork', 'other', 'otherEnd'),
      flow('ok', 'subEnd', { condition: 'valid' }),
      flow('ok', 'fail', { default: true }),
      ...(boundary ? chain('caught', 'fix', 'fixed') : []),
    ],
  });

describe('error events', () => {
  it('catches an error end inside a sub-process at its error boundary, cancelling the rest of the sub-process', () => {
    const run = Instance.of(withErrorEnd({ errorCode: 'NOT_OK' }));
    run.start();
    const other = run.task('other');
    const { effects, history } = run.complete('judge');
    expect(trace(history)).toEqual([
      'task.completed judge',
      'node.completed judge',
      'node.entered ok',
      'gateway.decided ok',
      'node.completed ok',
      'node.entered fail',
      'error.thrown fail',
      'task.cancelled other',
      'node.cancelled other',
      'node.cancelled sub',
      'node.entered caught',
      'node.completed caught',
      'node.entered fix',
      'task.created fix',
    ]);
    expect(history[6]?.data).toEqual({ code: 'NOT_OK', message: 'the request is not valid' });
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: other, nodeId: 'other', reason: 'error NOT_OK' },
      expect.objectContaining({ type: 'createTask', nodeId: 'fix' }),
    ]);
    expect(tokensAt(run.state)).toEqual(['fix:waiting']);
    expect(run.state.scopes.map((s) => s.kind)).toEqual(['root']);
  });

  it('catches every error at a boundary without an error code', () => {
    const run = Instance.of(withErrorEnd({}));
    run.start();
    run.complete('judge');
    expect(tokensAt(run.state)).toEqual(['fix:waiting']);
  });

  it('does not catch an error at a boundary for another code: the instance fails', () => {
    const run = Instance.of(withErrorEnd({ errorCode: 'OTHER' }));
    run.start();
    const before = run.state;
    const { state, history, effects } = run.complete('judge');
    expect(state).toEqual({
      ...before,
      status: 'failed',
      error: { code: 'NOT_OK', message: 'the request is not valid', nodeId: 'fail' },
    });
    expect(trace(history)).toEqual(['instance.failed fail']);
    expect(effects).toEqual([]);
  });

  it("lets a failed instance's open task change hands while it waits for a retry", () => {
    const run = Instance.of(withErrorEnd(null));
    run.start();
    const judge = run.task('judge');
    run.complete('judge');
    // The failed state is the one before the failing event: the task is still open in it.
    const { state, history } = run.send({
      type: 'taskReassigned',
      taskId: judge,
      assignees: ['deputy'],
      cause: 'redirected',
    });
    expect(state.status).toBe('failed');
    expect(trace(history)).toEqual(['task.reassigned judge']);
  });

  it('fails the instance on an uncaught error', () => {
    const run = Instance.of(withErrorEnd(null));
    run.start();
    const { state } = run.complete('judge');
    expect(state.status).toBe('failed');
    expect(state.error).toEqual({ code: 'NOT_OK', message: 'the request is not valid', nodeId: 'fail' });
  });

  it('lets the sub-process complete normally when no error is thrown', () => {
    const run = Instance.of(withErrorEnd({ errorCode: 'NOT_OK' }));
    run.start();
    run.complete('judge', undefined, { valid: true });
    run.complete('other');
    expect(run.state.status).toBe('completed');
  });
});

describe('terminate end event', () => {
  const def = definition({
    nodes: [
      start(),
      gateway('fork', 'parallel'),
      task('a'),
      task('b'),
      node('bLate', 'timerBoundary', { duration: 'P1D' }, { attachedTo: 'b' }),
      task('c'),
      node('stop', 'terminate'),
      end('aEnd'),
      end('bEnd'),
      end('lateEnd'),
    ],
    flows: [
      flow('start', 'fork'),
      ...chain('fork', 'a', 'aEnd'),
      ...chain('fork', 'b', 'bEnd'),
      ...chain('fork', 'c', 'stop'),
      flow('bLate', 'lateEnd'),
    ],
  });

  it('completes the instance and cancels every other token, recording each', () => {
    const run = Instance.of(def);
    run.start();
    const [a, b] = [run.task('a'), run.task('b')];
    const [timer] = run.timers();
    const { effects, history, state } = run.complete('c');
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: a, nodeId: 'a', reason: 'terminated by end event' },
      { type: 'cancelTask', taskId: b, nodeId: 'b', reason: 'terminated by end event' },
      { type: 'cancelTimer', timerId: timer?.id, nodeId: 'bLate' },
    ]);
    expect(trace(history)).toEqual([
      'task.completed c',
      'node.completed c',
      'node.entered stop',
      'node.completed stop',
      'task.cancelled a',
      'node.cancelled a',
      'task.cancelled b',
      'node.cancelled b',
      'instance.completed',
    ]);
    expect(state.status).toBe('completed');
    expect(state.tokens).toEqual([]);
    expect(state.waits).toEqual([]);
  });
});

describe('terminate event', () => {
  it('ends a running instance as terminated, cancelling its tasks', () => {
    const run = Instance.of(
      definition({ nodes: [start(), task('a'), auto('b'), end()], flows: chain('start', 'a', 'b', 'end') }),
    );
    run.start();
    const a = run.task('a');
    const { effects, history, state } = run.send({
      type: 'terminate',
      reason: 'duplicate',
      actor: { id: 'admin' },
    });
    expect(effects).toEqual([{ type: 'cancelTask', taskId: a, nodeId: 'a', reason: 'duplicate' }]);
    expect(trace(history)).toEqual(['task.cancelled a', 'node.cancelled a', 'instance.terminated']);
    expect(history[2]).toEqual({
      type: 'instance.terminated',
      at: run.now,
      actor: 'admin',
      data: { reason: 'duplicate' },
    });
    expect(state.status).toBe('terminated');
    expect(state.tokens).toEqual([]);
  });
});
