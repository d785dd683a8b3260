import { describe, expect, it } from 'vitest';
import { line, located, problemsOf } from '../helpers.ts';
import allProblems from './fixtures/all-problems.json' with { type: 'json' };

describe('compile: schema', () => {
  it('reports an unknown top-level field by its name', () => {
    expect(located(problemsOf({ ...line([]), colour: 'red' }))).toEqual([
      { severity: 'error', code: 'SCHEMA', path: 'colour' },
    ]);
  });

  it('reports a key longer than a path can carry', () => {
    const problems = problemsOf({ ...line([]), key: 'k'.repeat(101) });
    expect(problems.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'key: must be at most 100 characters',
    ]);
  });

  it('reports a malformed node at its index and field', () => {
    const def = { key: 'k', name: 'n', nodes: [{ id: 'a' }, 5] };
    expect(located(problemsOf(def))).toEqual([
      { severity: 'error', code: 'SCHEMA', path: 'nodes[0].type' },
      { severity: 'error', code: 'SCHEMA', path: 'nodes[1]' },
    ]);
  });

  it('reports every missing required top-level field', () => {
    expect(located(problemsOf({}))).toEqual([
      { severity: 'error', code: 'SCHEMA', path: 'key' },
      { severity: 'error', code: 'SCHEMA', path: 'name' },
      { severity: 'error', code: 'SCHEMA', path: 'nodes' },
    ]);
  });
});

describe('compile: robustness', () => {
  it('returns every problem of a definition at once', () => {
    expect(located(problemsOf(allProblems))).toEqual([
      { severity: 'error', code: 'DUPLICATE_ID', nodeId: 'a', path: 'nodes[2]' },
      { severity: 'error', code: 'UNKNOWN_NODE_TYPE', nodeId: 'weird', path: 'nodes[3].type' },
      { severity: 'error', code: 'INVALID_CONFIG', nodeId: 'mail', path: 'nodes[4].config.to' },
      { severity: 'error', code: 'FLOW_TARGET_MISSING', flowId: 'f5', path: 'flows[5].target' },
      { severity: 'warning', code: 'GATEWAY_NO_DEFAULT', nodeId: 'x', path: 'nodes[5]' },
      { severity: 'error', code: 'UNREACHABLE', nodeId: 'island', path: 'nodes[6]' },
      { severity: 'error', code: 'EXPRESSION_UNKNOWN_NAME', flowId: 'f3', path: 'flows[3].condition' },
      { severity: 'error', code: 'EXPRESSION_SYNTAX', flowId: 'f4', path: 'flows[4].condition' },
    ]);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'process'],
    ['undefined', undefined],
    ['an array', []],
  ])('rejects %s as a definition with one schema problem at the root', (_name, input) => {
    expect(located(problemsOf(input))).toEqual([{ severity: 'error', code: 'SCHEMA', path: '' }]);
  });
});
