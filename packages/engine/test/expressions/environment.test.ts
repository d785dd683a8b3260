import { describe, expect, it } from 'vitest';
import {
  type CompiledExpression,
  createExpressionEnvironment,
  type Declaration,
  type EvaluationScope,
  ExpressionError,
} from '../../src/expressions/index.ts';

const declarations: Declaration[] = [
  { name: 'amount', type: 'money' },
  { name: 'approved', type: 'boolean' },
  { name: 'count', type: 'int' },
  { name: 'title', type: 'string' },
  { name: 'tags', type: 'multiselect' },
  { name: 'items', type: 'list' },
  { name: 'document', type: 'map' },
  { name: 'payload', type: 'json' },
];

const env = createExpressionEnvironment(declarations);

function compiled(source: string): CompiledExpression {
  const result = env.compile(source, 'expression');
  if (!result.ok) throw new Error(`expected ${source} to compile: ${result.problem.message}`);
  return result.expression;
}

function evaluate(source: string, values: Record<string, unknown>): unknown {
  return compiled(source).evaluate({ values, now: 0 });
}

describe('compile problems', () => {
  it('reports a syntax error with its position', () => {
    expect(env.compile('amount > 1000 &&', 'expression')).toEqual({
      ok: false,
      problem: {
        code: 'EXPRESSION_SYNTAX',
        message: 'Syntax error at line 1, column 17: Unexpected token: EOF',
      },
    });
  });

  it('reports the line and column of a syntax error on a later line', () => {
    const result = env.compile('amount > 1000 &&\n  )', 'expression');
    expect(result).toMatchObject({ ok: false, problem: { code: 'EXPRESSION_SYNTAX' } });
    expect(!result.ok && result.problem.message).toBe(
      'Syntax error at line 2, column 3: Unexpected token: RPAREN',
    );
  });

  it('reports an expression nested too deeply, however it nests', () => {
    for (const source of [
      `${'('.repeat(50_000)}1${')'.repeat(50_000)} == 1`,
      `${'-'.repeat(50_000)}1 == 1`,
    ]) {
      const result = env.compile(source, 'expression');
      expect(result).toMatchObject({ ok: false, problem: { code: 'EXPRESSION_SYNTAX' } });
      expect(!result.ok && result.problem.message).toMatch(/Exceeded maxDepth|nested too deeply/);
    }
    expect(env.compile(`${'-'.repeat(50_000)}1 == 1`, 'expression')).toEqual({
      ok: false,
      problem: { code: 'EXPRESSION_SYNTAX', message: 'Syntax error: the expression is nested too deeply' },
    });
  });

  it('names an undeclared variable', () => {
    expect(env.compile('amont > 1000', 'expression')).toEqual({
      ok: false,
      problem: { code: 'EXPRESSION_UNKNOWN_NAME', message: "Unknown name 'amont' at line 1, column 1" },
    });
  });

  it('names an unknown function', () => {
    expect(env.compile('approved && frobnicate(amount)', 'expression')).toEqual({
      ok: false,
      problem: {
        code: 'EXPRESSION_UNKNOWN_NAME',
        message: "Unknown function 'frobnicate' at line 1, column 13",
      },
    });
  });

  it('reports a type error', () => {
    const result = env.compile('amount + title', 'expression');
    expect(result).toEqual({
      ok: false,
      problem: {
        code: 'EXPRESSION_TYPE',
        message: 'Type error at line 1, column 1: no such overload: double + string',
      },
    });
  });

  it('reports a known function called with the wrong argument types as a type error', () => {
    const result = env.compile('formatMoney(title, "RUB")', 'expression');
    expect(result).toMatchObject({ ok: false, problem: { code: 'EXPRESSION_TYPE' } });
  });
});

describe('evaluating conditions', () => {
  it('combines variables', () => {
    expect(evaluate('amount > 1000 && approved', { amount: 1500, approved: true })).toBe(true);
    expect(evaluate('amount > 1000 && approved', { amount: 900, approved: true })).toBe(false);
  });

  it('reads map fields', () => {
    expect(evaluate('document.amount > 1000', { document: { amount: 1500 } })).toBe(true);
    expect(evaluate('document.customer.name == "ACME"', { document: { customer: { name: 'ACME' } } })).toBe(
      true,
    );
  });

  it('tests list membership and size', () => {
    expect(evaluate('"a" in tags', { tags: ['a', 'b'] })).toBe(true);
    expect(evaluate('"c" in tags', { tags: ['a', 'b'] })).toBe(false);
    expect(evaluate('items.size()', { items: [1, 2, 3] })).toBe(3);
  });

  it('runs macros', () => {
    expect(evaluate('items.all(i, i > 0)', { items: [1, 2, 3] })).toBe(true);
    expect(evaluate('items.exists(i, i > 2)', { items: [1, 2, 3] })).toBe(true);
    expect(evaluate('items.filter(i, i > 1)', { items: [1, 2, 3] })).toEqual([2, 3]);
    expect(evaluate('items.map(i, i * 2)', { items: [1, 2, 3] })).toEqual([2, 4, 6]);
  });

  it('checks presence with has()', () => {
    expect(evaluate('has(document.amount)', { document: {} })).toBe(false);
  });
});

describe('business arithmetic over JSON numbers', () => {
  it.each([
    ['amount + 1', 1501],
    ['amount - 1', 1499],
    ['amount * 2', 3000],
    ['amount / 2', 750],
    ['1 + amount', 1501],
    ['2 * amount', 3000],
    ['amount * 1.5', 2250],
    ['document.amount + 1', 1501],
  ])('%s = %d', (source, expected) => {
    expect(evaluate(source, { amount: 1500, document: { amount: 1500 } })).toBe(expected);
  });

  it('compares doubles with int literals', () => {
    expect(evaluate('amount == 1500', { amount: 1500 })).toBe(true);
    expect(evaluate('amount != 1500', { amount: 1500 })).toBe(false);
    expect(evaluate('amount in [1000, 1500]', { amount: 1500 })).toBe(true);
  });

  it('accepts a plain integer number for a name declared int', () => {
    expect(evaluate('count - 1', { count: 3 })).toBe(2);
    expect(evaluate('count * 1.5', { count: 3 })).toBe(4.5);
  });

  it('keeps CEL integer division between ints', () => {
    expect(evaluate('count / 2', { count: 7 })).toBe(3);
  });
});

describe('values out', () => {
  it('turns CEL integers into numbers, deeply', () => {
    expect(evaluate('1 + 2', {})).toBe(3);
    expect(evaluate('[1, 2, [3]]', {})).toEqual([1, 2, [3]]);
    expect(evaluate('{"total": 5, "lines": [1, 2], "nested": {"n": 7}}', {})).toEqual({
      total: 5,
      lines: [1, 2],
      nested: { n: 7 },
    });
    expect(evaluate('1u', {})).toBe(1);
  });

  it('turns timestamps into ISO strings and durations into ISO durations', () => {
    expect(evaluate('timestamp("2024-03-15T10:00:00Z")', {})).toBe('2024-03-15T10:00:00.000Z');
    expect(evaluate('duration("1h30m")', {})).toBe('PT1H30M');
    expect(evaluate('[duration("90s")]', {})).toEqual(['PT1M30S']);
  });

  it('returns values passed in unchanged when nothing needs converting', () => {
    const document = { amount: 1500, lines: [{ sku: 'a' }] };
    expect(evaluate('document', { document })).toBe(document);
  });
});

describe('runtime errors', () => {
  it('throws an ExpressionError naming the source on a missing map key', () => {
    const expression = compiled('document.missing > 1');
    expect(() => expression.evaluate({ values: { document: {} }, now: 0 })).toThrow(
      new ExpressionError('document.missing > 1', 'No such key: missing'),
    );
  });

  it('throws on integer division by zero', () => {
    expect(() => evaluate('count / 0', { count: 1 })).toThrow('division by zero');
  });

  it('explains a declared name without a value', () => {
    expect(() => evaluate('approved', {})).toThrow(
      'Unknown variable: approved (declared, but scope.values has no value for it)',
    );
  });

  it('reports a value of the wrong type', () => {
    expect(() => evaluate('amount > 1', { amount: 'lots' })).toThrow(ExpressionError);
  });
});

describe('cache', () => {
  it('returns the same compiled object for the same source and mode', () => {
    const first = env.compile('amount > 1000 && approved', 'expression');
    expect(env.compile('amount > 1000 && approved', 'expression')).toBe(first);
    expect(env.compile('amount > 1000 && approved', 'template')).not.toBe(first);
  });

  it('caches problems too', () => {
    expect(env.compile('amont', 'expression')).toBe(env.compile('amont', 'expression'));
  });

  it('keeps environments apart', () => {
    const other = createExpressionEnvironment([{ name: 'amount', type: 'string' }]);
    const result = other.compile('amount + "!"', 'expression');
    const scope: EvaluationScope = { values: { amount: 'x' }, now: 0 };
    expect(result.ok && result.expression.evaluate(scope)).toBe('x!');
    expect(env.compile('amount + "!"', 'expression').ok).toBe(false);
  });
});

describe('declarations', () => {
  it('rejects a name declared twice', () => {
    expect(() =>
      createExpressionEnvironment([
        { name: 'a', type: 'string' },
        { name: 'a', type: 'number' },
      ]),
    ).toThrow(/Cannot declare 'a'/);
  });

  it('types users and multiselect as lists of strings', () => {
    const team = createExpressionEnvironment([{ name: 'approvers', type: 'users' }]);
    expect(team.compile('approvers.size() + "x"', 'expression')).toMatchObject({
      ok: false,
      problem: { code: 'EXPRESSION_TYPE' },
    });
    const result = team.compile('approvers.exists(u, u.startsWith("u-"))', 'expression');
    expect(result.ok && result.expression.evaluate({ values: { approvers: ['u-1'] }, now: 0 })).toBe(true);
  });
});
