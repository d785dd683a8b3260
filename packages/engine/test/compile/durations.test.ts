import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.ts';

const withNode = (node: Record<string, unknown>) => ({
  key: 'd',
  name: 'Durations',
  nodes: [{ id: 'start', type: 'start' }, node, { id: 'end', type: 'end' }],
  flows: [
    { id: 'f1', source: 'start', target: node.id },
    { id: 'f2', source: node.id, target: 'end' },
  ],
});

describe('compile checks durations and cycles', () => {
  it.each([
    [{ id: 'nap', type: 'timer', config: { duration: 'P1X' } }, 'nodes[1].config.duration'],
    [{ id: 'nap', type: 'timer', config: { cycle: 'every hour' } }, 'nodes[1].config.cycle'],
    [{ id: 'nap', type: 'userTask', config: { deadline: 'soon' } }, 'nodes[1].config.deadline'],
    [
      { id: 'nap', type: 'wait', config: { condition: 'true', checkEvery: '1h' } },
      'nodes[1].config.checkEvery',
    ],
  ])('reports %j at its path', (node, path) => {
    const out = compile(withNode(node));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toEqual([expect.objectContaining({ code: 'INVALID_CONFIG', nodeId: 'nap', path })]);
  });

  it.each([
    [
      { type: 'timer', config: { duration: 'P300000Y' } },
      'duration',
      "'P300000Y' is longer than 1,000 years",
    ],
    [{ type: 'userTask', config: { deadline: 'P1001Y' } }, 'deadline', "'P1001Y' is longer than 1,000 years"],
    [{ type: 'timer', config: { cycle: 'R/PT0S' } }, 'cycle', "'PT0S' repeats more often than once a second"],
    [
      { type: 'wait', config: { condition: 'false', checkEvery: 'PT0.5S' } },
      'checkEvery',
      "'PT0.5S' repeats more often than once a second",
    ],
  ])('reports %j, which the job worker could not keep to', (node, key, message) => {
    const out = compile(withNode({ id: 'nap', ...node }));
    expect(out.ok ? [] : out.problems).toEqual([
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        nodeId: 'nap',
        path: `nodes[1].config.${key}`,
        message,
      }),
    ]);
  });

  it('only warns about those limits in a version already published, whose instances must keep running', () => {
    const out = compile(withNode({ id: 'nap', type: 'timer', config: { cycle: 'R/PT0S' } }), {
      published: true,
    });
    expect(out.ok && out.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'INVALID_CONFIG', path: 'nodes[1].config.cycle' }),
    ]);
  });

  it('accepts valid durations and cycles', () => {
    expect(compile(withNode({ id: 'nap', type: 'timer', config: { duration: 'P1DT2H' } })).ok).toBe(true);
    expect(compile(withNode({ id: 'nap', type: 'timer', config: { cycle: 'R3/PT1H' } })).ok).toBe(true);
    expect(compile(withNode({ id: 'nap', type: 'timer', config: { duration: 'P1000Y' } })).ok).toBe(true);
    expect(compile(withNode({ id: 'nap', type: 'timer', config: { cycle: 'R/PT1S' } })).ok).toBe(true);
    const wait = { id: 'nap', type: 'wait', config: { condition: 'false', checkEvery: 'PT1S' } };
    expect(compile(withNode(wait)).ok).toBe(true);
  });

  it('reports a bad duration on a state transition', () => {
    const def = {
      key: 's',
      name: 'States',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'draft', type: 'state' },
        { id: 'end', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'draft' },
        { id: 'f2', source: 'draft', target: 'end', trigger: { kind: 'timer', duration: 'tomorrow' } },
      ],
    };
    const out = compile(def);
    expect(out.ok ? [] : out.problems).toEqual([
      expect.objectContaining({ flowId: 'f2', path: 'flows[1].trigger.duration' }),
    ]);
  });
});

describe('compile warns about parallel joins inside loops', () => {
  it('names the gateway and the loop flow', () => {
    const def = {
      key: 'p',
      name: 'Loop into a parallel join',
      variables: [{ id: 'again', type: 'boolean' }],
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'merge', type: 'parallel' },
        { id: 'work', type: 'userTask' },
        { id: 'check', type: 'exclusive' },
        { id: 'end', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'merge' },
        { id: 'f2', source: 'merge', target: 'work' },
        { id: 'f3', source: 'work', target: 'check' },
        { id: 'back', source: 'check', target: 'merge', condition: 'again' },
        { id: 'f5', source: 'check', target: 'end', default: true },
      ],
    };
    const out = compile(def);
    expect(out.ok ? out.warnings : []).toEqual([
      expect.objectContaining({ code: 'PARALLEL_JOIN_IN_LOOP', nodeId: 'merge', flowId: 'back' }),
    ]);
  });
});
