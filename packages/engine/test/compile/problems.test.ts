import { describe, expect, it } from 'vitest';
import { compile, type Problem } from '../../src/index.ts';
import {
  auto,
  chain,
  definition,
  end,
  flow,
  gateway,
  line,
  located,
  node,
  problemsOf,
  start,
  task,
} from '../helpers.ts';

/** The warnings of a definition that compiles. */
function warningsOf(input: unknown): Problem[] {
  const out = compile(input);
  if (!out.ok) throw new Error(`expected the definition to compile: ${JSON.stringify(out.problems)}`);
  expect(out.compiled.warnings).toEqual(out.warnings);
  return out.warnings;
}

describe('compile: structure', () => {
  it('accepts a minimal process without problems', () => {
    expect(warningsOf(line([auto('a')]))).toEqual([]);
  });

  it('reports a duplicate node id at the second node', () => {
    const def = definition({
      nodes: [start(), auto('a'), auto('a'), end()],
      flows: chain('start', 'a', 'end'),
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'DUPLICATE_ID', nodeId: 'a', path: 'nodes[2]' },
    ]);
  });

  it('reports a flow that reuses a node id', () => {
    const def = definition({
      nodes: [start(), auto('a'), end()],
      flows: [flow('start', 'a', { id: 'a' }), flow('a', 'end')],
    });
    const [problem] = problemsOf(def);
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'DUPLICATE_ID', flowId: 'a', path: 'flows[0]' },
    ]);
    expect(problem?.message).toBe('id "a" is already used at nodes[1]');
  });

  it('reports an unknown node type at its type, without follow-on reachability problems', () => {
    expect(located(problemsOf(line([node('x', 'frobnicate')])))).toEqual([
      { severity: 'error', code: 'UNKNOWN_NODE_TYPE', nodeId: 'x', path: 'nodes[1].type' },
    ]);
  });

  it('does not take an Object.prototype member for an activity type', () => {
    expect(located(problemsOf(line([node('x', 'toString'), node('y', 'constructor')])))).toEqual([
      { severity: 'error', code: 'UNKNOWN_NODE_TYPE', nodeId: 'x', path: 'nodes[1].type' },
      { severity: 'error', code: 'UNKNOWN_NODE_TYPE', nodeId: 'y', path: 'nodes[2].type' },
    ]);
  });

  it('reports a flow to a missing node at its target', () => {
    const def = definition({
      nodes: [start(), auto('a'), end()],
      flows: [...chain('start', 'a', 'end'), flow('a', 'ghost')],
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'FLOW_TARGET_MISSING', flowId: 'a->ghost', path: 'flows[2].target' },
    ]);
  });

  it('reports a flow from a missing node at its source', () => {
    const def = definition({
      nodes: [start(), auto('a'), end()],
      flows: [...chain('start', 'a', 'end'), flow('ghost', 'a')],
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'FLOW_SOURCE_MISSING', flowId: 'ghost->a', path: 'flows[2].source' },
    ]);
  });

  it('reports a process without a start event', () => {
    const def = definition({ nodes: [auto('a'), end()], flows: chain('a', 'end') });
    expect(located(problemsOf(def))).toEqual([{ severity: 'error', code: 'NO_START', path: 'nodes' }]);
  });

  it('reports a sub-process without a start event at the sub-process', () => {
    const def = definition({
      nodes: [start(), node('sub', 'subProcess'), auto('inner', { parent: 'sub' }), end()],
      flows: chain('start', 'sub', 'end'),
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'NO_START', nodeId: 'sub', path: 'nodes[1]' },
      { severity: 'error', code: 'UNREACHABLE', nodeId: 'inner', path: 'nodes[2]' },
    ]);
  });

  it('reports a node that no start reaches', () => {
    const def = definition({
      nodes: [start(), auto('a'), auto('island'), end()],
      flows: [...chain('start', 'a', 'end'), flow('island', 'end')],
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'UNREACHABLE', nodeId: 'island', path: 'nodes[2]' },
    ]);
  });

  it('warns about nodes that cannot reach an end, and still compiles', () => {
    const def = definition({
      nodes: [start(), task('a'), task('b'), end()],
      flows: [...chain('start', 'a', 'b', 'a'), flow('start', 'end')],
    });
    expect(located(warningsOf(def))).toEqual([
      { severity: 'warning', code: 'NO_PATH_TO_END', nodeId: 'a', path: 'nodes[1]' },
      { severity: 'warning', code: 'NO_PATH_TO_END', nodeId: 'b', path: 'nodes[2]' },
    ]);
  });

  it('reports a boundary event attached to nothing', () => {
    const def = definition({
      nodes: [
        start(),
        task('a'),
        node('late', 'timerBoundary', { duration: 'P1D' }, { attachedTo: 'ghost' }),
        end(),
      ],
      flows: [...chain('start', 'a', 'end'), flow('late', 'end')],
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'BAD_REFERENCE', nodeId: 'late', path: 'nodes[2].attachedTo' },
      { severity: 'error', code: 'UNREACHABLE', nodeId: 'late', path: 'nodes[2]' },
    ]);
  });

  it('reports a boundary event without attachedTo', () => {
    const def = definition({
      nodes: [start(), task('a'), node('oops', 'errorBoundary'), end()],
      flows: [...chain('start', 'a', 'end'), flow('oops', 'end')],
    });
    expect(problemsOf(def)).toContainEqual({
      severity: 'error',
      code: 'BAD_REFERENCE',
      message: 'boundary event must be attached to an existing activity (attachedTo "")',
      nodeId: 'oops',
      path: 'nodes[2].attachedTo',
    });
  });

  it('reports a flow that crosses a sub-process border', () => {
    const def = definition({
      nodes: [
        start(),
        node('sub', 'subProcess'),
        start('subStart', { parent: 'sub' }),
        auto('inner', { parent: 'sub' }),
        end('subEnd', { parent: 'sub' }),
        end(),
      ],
      flows: [...chain('start', 'sub', 'end'), ...chain('subStart', 'inner', 'subEnd'), flow('inner', 'end')],
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'BAD_STRUCTURE', flowId: 'inner->end', path: 'flows[4]' },
    ]);
  });

  it('reports a node whose parent is not a sub-process', () => {
    const def = definition({
      nodes: [start(), auto('a', { parent: 'start' }), end()],
      flows: [flow('start', 'end')],
    });
    expect(problemsOf(def)).toContainEqual(
      expect.objectContaining({ code: 'BAD_REFERENCE', nodeId: 'a', path: 'nodes[1].parent' }),
    );
  });
});

describe('compile: gateways and loops', () => {
  it('warns about an exclusive gateway without default whose conditions may all be false', () => {
    const def = definition({
      parameters: [{ id: 'amount', type: 'number' }],
      nodes: [start(), gateway('x', 'exclusive'), auto('big'), auto('small'), end()],
      flows: [
        flow('start', 'x'),
        flow('x', 'big', { condition: 'amount > 100' }),
        flow('x', 'small', { condition: 'amount < 10' }),
        flow('big', 'end'),
        flow('small', 'end'),
      ],
    });
    expect(located(warningsOf(def))).toEqual([
      { severity: 'warning', code: 'GATEWAY_NO_DEFAULT', nodeId: 'x', path: 'nodes[1]' },
    ]);
  });

  it('does not warn when the exclusive gateway has a default flow', () => {
    const def = definition({
      parameters: [{ id: 'amount', type: 'number' }],
      nodes: [start(), gateway('x', 'exclusive'), auto('big'), auto('small'), end()],
      flows: [
        flow('start', 'x'),
        flow('x', 'big', { condition: 'amount > 100' }),
        flow('x', 'small', { default: true }),
        flow('big', 'end'),
        flow('small', 'end'),
      ],
    });
    expect(warningsOf(def)).toEqual([]);
  });

  it('reports two default flows on one gateway', () => {
    const def = definition({
      nodes: [start(), gateway('x', 'exclusive'), auto('a'), auto('b'), end()],
      flows: [
        flow('start', 'x'),
        flow('x', 'a', { default: true }),
        flow('x', 'b', { default: true }),
        ...chain('a', 'end'),
        ...chain('b', 'end'),
      ],
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'BAD_STRUCTURE', nodeId: 'x', path: 'nodes[1]' },
    ]);
  });

  it('warns about a loop without a wait state, naming its nodes', () => {
    const def = definition({
      variables: [{ id: 'n', type: 'number', default: 0 }],
      nodes: [
        start(),
        auto('a'),
        node('inc', 'setVariables', { values: { n: 'n + 1' } }),
        gateway('x', 'exclusive'),
        end(),
      ],
      flows: [
        ...chain('start', 'a', 'inc', 'x'),
        flow('x', 'a', { condition: 'n < 3' }),
        flow('x', 'end', { default: true }),
      ],
    });
    const warnings = warningsOf(def);
    expect(located(warnings)).toEqual([{ severity: 'warning', code: 'LOOP_WITHOUT_WAIT', nodeId: 'a' }]);
    expect(warnings[0]?.message).toContain('a → inc → x');
  });

  it('does not warn about a loop through a user task', () => {
    const def = definition({
      nodes: [start(), task('a'), gateway('x', 'exclusive'), end()],
      flows: [
        ...chain('start', 'a', 'x'),
        flow('x', 'a', { condition: 'true' }),
        flow('x', 'end', { default: true }),
      ],
    });
    expect(warningsOf(def)).toEqual([]);
  });
});

describe('compile: expressions and configs', () => {
  it('reports a condition that does not parse at the flow', () => {
    const def = definition({
      parameters: [{ id: 'amount', type: 'number' }],
      nodes: [start(), gateway('x', 'exclusive'), auto('a'), end()],
      flows: [
        flow('start', 'x'),
        flow('x', 'a', { condition: 'amount >' }),
        flow('x', 'end', { default: true }),
        flow('a', 'end'),
      ],
    });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'EXPRESSION_SYNTAX', flowId: 'x->a', path: 'flows[1].condition' },
    ]);
  });

  it('reports a condition naming an undeclared variable', () => {
    const def = definition({
      parameters: [{ id: 'amount', type: 'number' }],
      nodes: [start(), gateway('x', 'exclusive'), auto('a'), end()],
      flows: [
        flow('start', 'x'),
        flow('x', 'a', { condition: 'amont > 5' }),
        flow('x', 'end', { default: true }),
        flow('a', 'end'),
      ],
    });
    const problems = problemsOf(def);
    expect(located(problems)).toEqual([
      { severity: 'error', code: 'EXPRESSION_UNKNOWN_NAME', flowId: 'x->a', path: 'flows[1].condition' },
    ]);
    expect(problems[0]?.message).toContain("'amont'");
  });

  it('reports a bad template inside an activity config at its path', () => {
    const def = line([node('n', 'notify', { to: ['starter'], text: 'Hello {{ nobody }}' })]);
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'EXPRESSION_UNKNOWN_NAME', nodeId: 'n', path: 'nodes[1].config.text' },
    ]);
  });

  it('reports a bad assignee expression at its index', () => {
    const def = line([task('a', { assignees: ['starter', 'boss +'] })]);
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'EXPRESSION_SYNTAX', nodeId: 'a', path: 'nodes[1].config.assignees[1]' },
    ]);
  });

  it('reports a missing required activity config field by its path', () => {
    const def = line([auto('a'), node('mail', 'email', { subject: 'Hi', body: '' })]);
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'INVALID_CONFIG', nodeId: 'mail', path: 'nodes[2].config.to' },
    ]);
  });

  it('reports an unknown config field at its own path', () => {
    const def = line([node('n', 'notify', { to: ['starter'], text: 'hi', colour: 'red' })]);
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'INVALID_CONFIG', nodeId: 'n', path: 'nodes[1].config.colour' },
    ]);
  });

  it('reports a timer with neither duration nor date nor cycle', () => {
    const def = line([node('t', 'timer', {})]);
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'INVALID_CONFIG', nodeId: 't', path: 'nodes[1].config' },
    ]);
  });

  it('reports a variable name the expression language reserves, at its declaration', () => {
    const def = line([auto('a')], { variables: [{ id: 'int', type: 'number' }] });
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'SCHEMA', path: 'variables[0].id' },
    ]);
  });

  it('reports an element variable the expression language cannot declare', () => {
    const def = line([task('a', {}, { multiInstance: { collection: '[1, 2]', elementVariable: 'int' } })]);
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'SCHEMA', nodeId: 'a', path: 'nodes[1].multiInstance.elementVariable' },
    ]);
  });
});
