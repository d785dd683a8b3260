import { describe, expect, it } from 'vitest';
import {
  createExpressionEnvironment,
  createWorkCalendar,
  ExpressionError,
} from '../../src/expressions/index.ts';
import { MAX_EVALUATION_COST } from '../../src/expressions/limits.ts';
import { compile, emptyState, step } from '../../src/index.ts';
import { compiled, end, flow, gateway, problemsOf, start, definition as testDefinition } from '../helpers.ts';

const env = createExpressionEnvironment([
  { name: 'items', type: 'list' },
  { name: 'code', type: 'string' },
  { name: 'pattern', type: 'string' },
]);
const calendar = createWorkCalendar();

function evaluate(source: string, values: Record<string, unknown> = {}): unknown {
  const result = env.compile(source, 'expression');
  if (!result.ok) throw new Error(result.problem.message);
  return result.expression.evaluate({
    values: { items: [], code: '', pattern: '', ...values },
    now: 0,
    calendar,
  });
}

const OVER_BUDGET = /needs more than 1,000,000 steps/;
/** A process whose gateway takes `condition` to `chosen`, else its default to `other`. */
const choosing = (parameter: { id: string; type: 'json' | 'string' }, condition: string) =>
  testDefinition({
    parameters: [parameter],
    nodes: [start(), gateway('x', 'exclusive'), end('chosen'), end('other')],
    flows: [flow('start', 'x'), flow('x', 'chosen', { condition }), flow('x', 'other', { default: true })],
  });
const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);
const digits = '[0,1,2,3,4,5,6,7,8,9]';
/** `exists` nested `levels` deep over ten digits: 10^levels iterations that find nothing. */
const nestedExists = (levels: number) =>
  `${Array.from({ length: levels }, (_, i) => `${digits}.exists(v${i}, `).join('')}false${')'.repeat(levels)}`;

describe('the cost budget of one evaluation', () => {
  it(`stops list macros nested past ${MAX_EVALUATION_COST.toLocaleString('en')} steps`, () => {
    expect(evaluate(nestedExists(4))).toBe(false);
    expect(() => evaluate(nestedExists(7))).toThrow(ExpressionError);
    expect(() => evaluate(nestedExists(7))).toThrow(OVER_BUDGET);
  });

  it('counts the items a macro goes through, not the length of its list', () => {
    expect(evaluate('items.exists(x, x == -1)', { items: numbers(100_000) })).toBe(false);
    expect(evaluate('items.exists(x, x == 2)', { items: numbers(400_000) })).toBe(true);
    expect(evaluate('items.map(x, x + 1).size()', { items: numbers(100_000) })).toBe(100_000);
  });

  it('fails, rather than answering, when exists or all run out before deciding', () => {
    const items = numbers(400_000);
    expect(() => evaluate('items.exists(x, x == 399999)', { items })).toThrow(OVER_BUDGET);
    expect(() => evaluate('items.all(x, x >= 0)', { items })).toThrow(OVER_BUDGET);
    expect(() => evaluate('items.filter(x, x > 5).size() > 0', { items })).toThrow(OVER_BUDGET);
    expect(() => evaluate('items.exists_one(x, x == 3)', { items })).toThrow(OVER_BUDGET);
  });

  it('counts two macros over the same list as the product of their lengths', () => {
    const items = numbers(2_000);
    expect(() => evaluate('items.exists(a, items.exists(b, a == b + 5000))', { items })).toThrow(OVER_BUDGET);
    expect(evaluate('items.exists(a, items.exists(b, a == b + 5000))', { items: numbers(200) })).toBe(false);
  });

  it('stops lists and strings doubled by cel.bind', () => {
    const doubling = (start: string, times: number) =>
      `cel.bind(x0, ${start}, ${Array.from({ length: times }, (_, i) => `cel.bind(x${i + 1}, x${i} + x${i}, `).join('')}size(x${times}) > 0${')'.repeat(times + 1)}`;
    expect(evaluate(doubling('[1, 2]', 10))).toBe(true);
    expect(() => evaluate(doubling('[1, 2]', 24))).toThrow(OVER_BUDGET);
    expect(evaluate(doubling("'ab'", 10))).toBe(true);
    expect(() => evaluate(doubling("'ab'", 28))).toThrow(OVER_BUDGET);
  });

  it('charges working-time arithmetic by the days it counts', () => {
    const items = numbers(2_000);
    expect(() => evaluate("items.exists(x, workDateAdd('2026-01-01', 'P1000D') == '')", { items })).toThrow(
      OVER_BUDGET,
    );
    expect(evaluate("workDateAdd('2026-01-01', 'P1000D')")).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('fails the instance at the node whose expression ran over', () => {
    const c = compiled(
      choosing({ id: 'items', type: 'json' }, 'items.exists(a, items.exists(b, a == b + 5000))'),
    );
    const result = step(c, emptyState(), { type: 'start', params: { items: numbers(2_000) } }, { now: 0 });
    expect(result.state).toMatchObject({
      status: 'failed',
      error: { code: 'EXPRESSION_FAILED', nodeId: 'x', message: expect.stringMatching(OVER_BUDGET) },
    });
  });

  it('gives every evaluation its own budget', () => {
    const items = numbers(100_000);
    // Each call alone fits; spent from one budget, three of them would not.
    for (let i = 0; i < 3; i++) expect(evaluate('items.exists(x, x == -1)', { items })).toBe(false);
    expect(() => evaluate(nestedExists(7))).toThrow(OVER_BUDGET);
    expect(evaluate('items.exists(x, x == -1)', { items })).toBe(false);
  });
});

describe('matches runs RE2', () => {
  it('matches anywhere in the text, as CEL says', () => {
    expect(evaluate("'contract-42'.matches('[0-9]+')")).toBe(true);
    expect(evaluate("'contract-42'.matches('^[0-9]+$')")).toBe(false);
    expect(evaluate('code.matches(pattern)', { code: 'AB-1', pattern: '^[A-Z]{2}-\\d$' })).toBe(true);
  });

  it('takes linear time on patterns that make a backtracking engine explode', () => {
    // JavaScript's RegExp needed 18 s for 28 a's and doubles with each one more: for 40, about a
    // day, so a backtracking engine here hangs the suite rather than passing slowly.
    expect(evaluate("code.matches('^(a+)+$')", { code: `${'a'.repeat(40)}!` })).toBe(false);
    expect(evaluate("code.matches('^(\\\\w+\\\\s?)*$')", { code: `${'word '.repeat(40)}!` })).toBe(false);
  });

  it('reports a literal pattern RE2 refuses where it stands, and still compiles', () => {
    const result = env.compile("code.matches('(?=a)b') || code == ''", 'expression');
    expect(result).toMatchObject({
      ok: true,
      problem: {
        code: 'EXPRESSION_SYNTAX',
        message: expect.stringMatching(/^Pattern at line 1, column 14: /),
      },
    });
    expect(env.compile('\'{{ code.matches("(a)\\\\1") }}\'', 'template')).toMatchObject({
      ok: true,
      problem: { message: expect.stringMatching(/^In placeholder \{\{ code.matches/) },
    });
  });

  it('fails the evaluation of a pattern from a field that RE2 refuses', () => {
    expect(() => evaluate('code.matches(pattern)', { code: 'a', pattern: '(?<=a)b' })).toThrow(
      ExpressionError,
    );
  });

  it('makes such a pattern an error in a new definition and a warning in a published one', () => {
    const definition = choosing({ id: 'code', type: 'string' }, "code.matches('(?!x)')");
    expect(problemsOf(definition)).toEqual([
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX', severity: 'error', flowId: 'x->chosen' }),
    ]);
    const published = compile(definition, { published: true });
    expect(published.ok).toBe(true);
    expect(published.ok && published.warnings).toContainEqual(
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX', severity: 'warning' }),
    );
  });
});
