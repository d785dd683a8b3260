import { describe, expect, it } from 'vitest';
import { EventRejected } from '../../src/index.ts';
import {
  chain,
  definition,
  effectsOf,
  end,
  Instance,
  line,
  node,
  start,
  task,
  tokensAt,
  trace,
} from '../helpers.ts';

const orderParams = { parameters: [{ id: 'orderId', type: 'string' as const }] };

describe('intermediate message events', () => {
  const def = line([node('paid', 'message', { message: 'payment', correlationKey: 'orderId' })], orderParams);

  it('subscribes with the evaluated correlation key', () => {
    const run = Instance.of(def);
    const { effects } = run.start({ orderId: 'A-1' });
    expect(effects).toEqual([
      {
        type: 'subscribeMessage',
        waitId: run.state.waits[0]?.id,
        nodeId: 'paid',
        message: 'payment',
        correlationKey: 'A-1',
      },
    ]);
  });

  it('merges the payload of a matching message into the variables and moves on', () => {
    const run = Instance.of(def);
    run.start({ orderId: 'A-1' });
    const { effects, history, state } = run.message('payment', 'A-1', { paidAmount: 100 });
    expect(effects).toEqual([]);
    expect(trace(history)).toEqual([
      'message.received paid',
      'variables.changed paid',
      'node.completed paid',
      'node.entered end',
      'node.completed end',
      'instance.completed',
    ]);
    expect(history[0]?.data).toEqual({ name: 'payment', correlationKey: 'A-1' });
    expect(state.variables).toEqual({ orderId: 'A-1', paidAmount: 100 });
  });

  it('rejects a message with another correlation key and leaves the state as it was', () => {
    const run = Instance.of(def);
    run.start({ orderId: 'A-1' });
    const before = run.state;
    const snapshot = structuredClone(before);
    let error: unknown;
    try {
      run.message('payment', 'B-2', { paidAmount: 100 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EventRejected);
    expect(error).toMatchObject({
      code: 'MESSAGE_NOT_CORRELATED',
      message: 'no one waits for message "payment" with key "B-2"',
    });
    expect(run.state).toBe(before);
    expect(before).toEqual(snapshot);
  });

  it('rejects a message no one waits for', () => {
    const run = Instance.of(def);
    run.start({ orderId: 'A-1' });
    expect(() => run.message('refund', 'A-1')).toThrow(
      expect.objectContaining({
        code: 'MESSAGE_NOT_CORRELATED',
        message: 'no one waits for message "refund" with key "A-1"',
      }),
    );
  });

  it('takes a message with any key when the wait has no correlation key', () => {
    const run = Instance.of(line([node('ping', 'message', { message: 'ping' })]));
    run.start();
    run.message('ping', 'whatever');
    expect(run.state.status).toBe('completed');
  });

  it('delivers a message to the instance whose key matches among several waits', () => {
    const run = Instance.of(
      definition({
        nodes: [
          start(),
          node('fork', 'parallel'),
          node('first', 'message', { message: 'signed', correlationKey: '"contract-1"' }),
          node('second', 'message', { message: 'signed', correlationKey: '"contract-2"' }),
          node('join', 'parallel'),
          end(),
        ],
        flows: [...chain('start', 'fork', 'second', 'join', 'end'), ...chain('fork', 'first', 'join')],
      }),
    );
    run.start();
    const { history } = run.message('signed', 'contract-2');
    expect(history[0]?.nodeId).toBe('second');
    expect(tokensAt(run.state)).toEqual(['first:waiting', 'join:joining']);
  });
});

describe('boundary message events', () => {
  const def = (interrupting: boolean) =>
    definition({
      ...orderParams,
      nodes: [
        start(),
        task('pack'),
        node(
          'cancel',
          'messageBoundary',
          { message: 'cancelOrder', correlationKey: 'orderId', interrupting },
          { attachedTo: 'pack' },
        ),
        node('tell', 'notify', { to: ['"sales"'], text: 'order {{ orderId }}: {{ reason }}' }),
        end(),
        end('cancelled'),
      ],
      variables: [{ id: 'reason', type: 'string' }],
      flows: [...chain('start', 'pack', 'end'), ...chain('cancel', 'tell', 'cancelled')],
    });

  it('subscribes while the activity waits', () => {
    const run = Instance.of(def(true));
    const { effects } = run.start({ orderId: 'A-1' });
    expect(effectsOf(effects, 'subscribeMessage')).toEqual([
      {
        type: 'subscribeMessage',
        waitId: expect.any(String),
        nodeId: 'cancel',
        message: 'cancelOrder',
        correlationKey: 'A-1',
      },
    ]);
  });

  it('interrupts the activity, merges the payload and takes the boundary path', () => {
    const run = Instance.of(def(true));
    run.start({ orderId: 'A-1' });
    const pack = run.task('pack');
    const { effects, history, state } = run.message('cancelOrder', 'A-1', { reason: 'changed mind' });
    expect(effects).toEqual([
      { type: 'cancelTask', taskId: pack, nodeId: 'pack', reason: 'boundary event cancel' },
      {
        type: 'notify',
        key: expect.any(String),
        nodeId: 'tell',
        to: ['sales'],
        text: 'order A-1: changed mind',
      },
    ]);
    expect(trace(history)).toEqual([
      'message.received cancel',
      'variables.changed cancel',
      'task.cancelled pack',
      'node.cancelled pack',
      'node.entered cancel',
      'node.completed cancel',
      'node.entered tell',
      'node.completed tell',
      'node.entered cancelled',
      'node.completed cancelled',
      'instance.completed',
    ]);
    expect(state.variables).toEqual({ orderId: 'A-1', reason: 'changed mind' });
  });

  it('keeps the activity and listens again after a non-interrupting message', () => {
    const run = Instance.of(def(false));
    run.start({ orderId: 'A-1' });
    const pack = run.task('pack');
    const { effects } = run.message('cancelOrder', 'A-1', { reason: 'first' });
    expect(effects).toEqual([
      {
        type: 'subscribeMessage',
        waitId: expect.any(String),
        nodeId: 'cancel',
        message: 'cancelOrder',
        correlationKey: 'A-1',
      },
      { type: 'notify', key: expect.any(String), nodeId: 'tell', to: ['sales'], text: 'order A-1: first' },
    ]);
    run.message('cancelOrder', 'A-1', { reason: 'second' });
    expect(effectsOf(run.effects, 'notify').map((e) => e.text)).toEqual([
      'order A-1: first',
      'order A-1: second',
    ]);
    expect(run.tasks()).toEqual([pack]);
    const done = run.complete(pack);
    expect(effectsOf(done.effects, 'unsubscribeMessage')).toHaveLength(1);
    expect(done.state.status).toBe('completed');
  });

  it('withdraws the subscription when the activity completes', () => {
    const run = Instance.of(def(true));
    run.start({ orderId: 'A-1' });
    const waitId = run.state.waits.find((w) => w.kind === 'message')?.id;
    const { effects } = run.complete('pack');
    expect(effects).toEqual([{ type: 'unsubscribeMessage', waitId, nodeId: 'cancel' }]);
    expect(() => run.message('cancelOrder', 'A-1')).toThrow(expect.objectContaining({ code: 'NOT_RUNNING' }));
  });
});
