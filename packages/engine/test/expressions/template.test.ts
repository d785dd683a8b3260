import { describe, expect, it } from 'vitest';
import { createExpressionEnvironment, ExpressionError } from '../../src/expressions/index.ts';

const env = createExpressionEnvironment([
  { name: 'deal', type: 'map' },
  { name: 'amount', type: 'money' },
  { name: 'title', type: 'string' },
  { name: 'tags', type: 'multiselect' },
  { name: 'payload', type: 'json' },
]);

function render(template: string, values: Record<string, unknown>): unknown {
  const result = env.compile(template, 'template');
  if (!result.ok) throw new Error(result.problem.message);
  return result.expression.evaluate({ values, now: 0 });
}

describe('templates', () => {
  it('fills placeholders with expression values', () => {
    const text = render('Hello {{ deal.responsible.name }}, amount {{ formatMoney(amount, "RUB") }}', {
      deal: { responsible: { name: 'Анна' } },
      amount: 1500,
    });
    expect(text).toBe('Hello Анна, amount 1\u00a0500,00\u00a0₽');
  });

  it('renders null as nothing, lists joined with commas, maps as JSON', () => {
    expect(render('[{{ payload }}]', { payload: null })).toBe('[]');
    expect(render('Tags: {{ tags }}', { tags: ['urgent', 'vip'] })).toBe('Tags: urgent, vip');
    expect(render('{{ payload }}', { payload: { a: 1 } })).toBe('{"a":1}');
  });

  it('renders numbers and booleans with String()', () => {
    expect(render('{{ 2 + 3 }} {{ amount * 2 }} {{ amount > 1 }}', { amount: 0.75 })).toBe('5 1.5 false');
  });

  it('returns text without placeholders as it is', () => {
    expect(render('No placeholders }} here', {})).toBe('No placeholders }} here');
  });

  it('writes \\{{ as literal braces', () => {
    expect(render('Use \\{{ name }} for {{ title }}', { title: 'names' })).toBe('Use {{ name }} for names');
  });

  it('ends a placeholder at the first }} outside strings and map literals', () => {
    expect(render('{{ "}}" + title }}!', { title: 'x' })).toBe('}}x!');
    expect(render('{{ {"k": title}.k }}', { title: 'y' })).toBe('y');
  });

  it('stops a template that renders more than MAX_RENDERED_LENGTH characters', () => {
    const title = 'x'.repeat(400_000);
    expect(render('{{ title }}{{ title }}', { title })).toHaveLength(800_000);
    expect(() => render('{{ title }} {{ title }} {{ title }}', { title })).toThrow(
      new ExpressionError(
        '{{ title }} {{ title }} {{ title }}',
        'the template renders more than 1,048,576 characters',
      ),
    );
  });

  it('compiles each template once', () => {
    expect(env.compile('Hi {{ title }}', 'template')).toBe(env.compile('Hi {{ title }}', 'template'));
  });
});

describe('template problems', () => {
  it('names a placeholder that does not parse', () => {
    expect(env.compile('Total {{ amount + }} due', 'template')).toEqual({
      ok: false,
      problem: {
        code: 'EXPRESSION_SYNTAX',
        message: 'In placeholder {{ amount + }}: Syntax error at line 1, column 9: Unexpected token: EOF',
      },
    });
  });

  it('type-checks placeholders', () => {
    expect(env.compile('Hello {{ titel }}', 'template')).toEqual({
      ok: false,
      problem: {
        code: 'EXPRESSION_UNKNOWN_NAME',
        message: "In placeholder {{ titel }}: Unknown name 'titel' at line 1, column 1",
      },
    });
    expect(env.compile('{{ amount + title }}', 'template')).toMatchObject({
      ok: false,
      problem: { code: 'EXPRESSION_TYPE' },
    });
  });

  it('reports an unclosed placeholder', () => {
    expect(env.compile('Hello {{ title', 'template')).toEqual({
      ok: false,
      problem: { code: 'EXPRESSION_SYNTAX', message: "Unclosed placeholder at character 7: '{{ title'" },
    });
  });

  it('reports an empty placeholder', () => {
    expect(env.compile('Hello {{  }}', 'template')).toEqual({
      ok: false,
      problem: { code: 'EXPRESSION_SYNTAX', message: "Empty placeholder '{{}}' at character 7" },
    });
  });

  it('names the placeholder that fails at run time', () => {
    const template = 'Owner: {{ deal.owner }}';
    expect(() => render(template, { deal: {} })).toThrow(
      new ExpressionError(template, 'In placeholder {{ deal.owner }}: No such key: owner'),
    );
  });
});
