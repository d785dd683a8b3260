import { describe, expect, it } from 'vitest';
import { chain, definition, end, Instance, line, node, nodesOf, start, task, trace } from '../helpers.ts';

describe('setVariables', () => {
  it('evaluates every value before writing any (a swap works)', () => {
    const run = Instance.of(
      line([node('swap', 'setVariables', { values: { a: 'b', b: 'a' } })], {
        variables: [
          { id: 'a', type: 'number', default: 1 },
          { id: 'b', type: 'number', default: 2 },
        ],
      }),
    );
    const { effects, history, state } = run.start();
    expect(state.variables).toEqual({ a: 2, b: 1 });
    expect(effects).toEqual([]);
    expect(history.find((h) => h.nodeId === 'swap' && h.type === 'variables.changed')?.data).toEqual({
      names: ['a', 'b'],
    });
  });
});

describe('setFields', () => {
  it('changes the document and asks the runtime to write it', () => {
    const run = Instance.of(
      line([node('won', 'setFields', { fields: { stage: '"won"', total: 'document.amount * 2' } })]),
    );
    const { effects, state } = run.start({}, { document: { stage: 'new', amount: 5 } });
    expect(effects).toEqual([
      {
        type: 'updateDocument',
        key: expect.stringMatching(/^e\d+$/),
        nodeId: 'won',
        fields: { stage: 'won', total: 10 },
      },
    ]);
    expect(state.document).toEqual({ stage: 'won', amount: 5, total: 10 });
  });

  it('lets later nodes see the changed document', () => {
    const run = Instance.of(
      line([
        node('won', 'setFields', { fields: { stage: '"won"' } }),
        node('tell', 'notify', { to: ['"boss"'], text: 'Deal is {{ document.stage }}' }),
      ]),
    );
    const { effects } = run.start({}, { document: { stage: 'new' } });
    expect(effects[1]).toMatchObject({ type: 'notify', text: 'Deal is won' });
  });
});

describe('checkFields', () => {
  const def = definition({
    variables: [{ id: 'comment', type: 'string' }],
    nodes: [
      start(),
      node('check', 'checkFields', { fields: ['document.phone', 'comment'] }),
      node('missing', 'errorBoundary', { errorCode: 'FIELDS_MISSING' }, { attachedTo: 'check' }),
      task('complete'),
      end(),
      end('sentBack'),
    ],
    flows: [...chain('start', 'check', 'end'), ...chain('missing', 'complete', 'sentBack')],
  });

  it('throws FIELDS_MISSING, caught by the error boundary, naming the empty fields', () => {
    const run = Instance.of(def);
    const { history } = run.start({}, { document: { phone: '' } });
    expect(trace(history).slice(3)).toEqual([
      'node.entered check',
      'error.thrown check',
      'node.cancelled check',
      'node.entered missing',
      'node.completed missing',
      'node.entered complete',
      'task.created complete',
    ]);
    expect(history.find((h) => h.type === 'error.thrown')?.data).toEqual({
      code: 'FIELDS_MISSING',
      message: 'required fields are empty: document.phone, comment',
    });
  });

  it('passes when every field is filled', () => {
    const run = Instance.of(def);
    const { state, history } = run.start({}, { document: { phone: '+7 900' } });
    expect(state.status).toBe('running');
    expect(nodesOf(history, 'task.created')).toEqual(['complete']);
    const filled = Instance.of(
      line([node('check', 'checkFields', { fields: ['document.phone', 'document.tags'] })]),
    ).start({}, { document: { phone: '+7 900', tags: ['vip'] } });
    expect(filled.state.status).toBe('completed');
  });

  it('fails the instance when no boundary catches the error', () => {
    const run = Instance.of(
      line([node('check', 'checkFields', { fields: ['document.phone'], errorCode: 'NO_PHONE' })]),
    );
    expect(run.start({}, { document: {} }).state.error).toEqual({
      code: 'NO_PHONE',
      message: 'required fields are empty: document.phone',
      nodeId: 'check',
    });
  });
});
