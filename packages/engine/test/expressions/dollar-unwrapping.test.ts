// biome-ignore-all lint/suspicious/noTemplateCurlyInString: BPMN-style ${ } sources are the data under test.
import { describe, expect, it } from 'vitest';
import { createExpressionEnvironment } from '../../src/expressions/index.ts';

const env = createExpressionEnvironment([
  { name: 'amount', type: 'money' },
  { name: 'approved', type: 'boolean' },
]);

function evaluate(source: string, values: Record<string, unknown>): unknown {
  const result = env.compile(source, 'expression');
  if (!result.ok) throw new Error(result.problem.message);
  return result.expression.evaluate({ values, now: 0 });
}

describe('${ } unwrapping', () => {
  it('accepts a BPMN-style ${ expr } in expression mode', () => {
    expect(evaluate('${ amount > 1000 }', { amount: 1500 })).toBe(true);
    expect(evaluate('  ${approved}  ', { approved: false })).toBe(false);
  });

  it('unwraps around nested braces', () => {
    expect(evaluate('${ {"a": 1}.a == 1 }', {})).toBe(true);
  });

  it('keeps the original source and positions problems in it', () => {
    expect(env.compile('${ approved }', 'expression')).toMatchObject({
      ok: true,
      expression: { source: '${ approved }' },
    });
    expect(env.compile('${ amont }', 'expression')).toEqual({
      ok: false,
      problem: { code: 'EXPRESSION_UNKNOWN_NAME', message: "Unknown name 'amont' at line 1, column 4" },
    });
  });

  it('does not unwrap ${ } in template mode', () => {
    const result = env.compile('${ approved }', 'template');
    expect(result.ok && result.expression.evaluate({ values: {}, now: 0 })).toBe('${ approved }');
  });
});
