import { compile } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { fromCel, type Group, normalize, type Rule, toCel } from '../../src/designer/model/condition.ts';

const rule = (field: string, op: Rule['op'], value?: Rule['value']): Rule => ({
  kind: 'rule',
  field,
  op,
  ...(value === undefined ? {} : { value }),
});
const and = (...items: (Rule | Group)[]): Group => ({ kind: 'group', join: 'and', items });
const or = (...items: (Rule | Group)[]): Group => ({ kind: 'group', join: 'or', items });

/** Declarations the CEL must type-check against, as the engine checks it at publish. */
function compiles(condition: string) {
  const out = compile({
    key: 'k',
    name: 'k',
    parameters: [
      { id: 'days', type: 'number' },
      { id: 'kind', type: 'select', options: [{ value: 'paid' }] },
      { id: 'tags', type: 'multiselect' },
      { id: 'who', type: 'user' },
    ],
    variables: [{ id: 'approved', type: 'boolean' }],
    nodes: [
      { id: 's', type: 'start' },
      { id: 'g', type: 'exclusive' },
      { id: 'a', type: 'end' },
      { id: 'b', type: 'end' },
    ],
    flows: [
      { id: 'f1', source: 's', target: 'g' },
      { id: 'f2', source: 'g', target: 'a', condition },
      { id: 'f3', source: 'g', target: 'b', default: true },
    ],
  });
  return out.ok ? [] : out.problems.map((p) => p.message);
}

const CASES: [string, Group, string][] = [
  ['a boolean', and(rule('approved', 'isTrue')), 'approved'],
  ['a negated boolean', and(rule('approved', 'isFalse')), '!approved'],
  ['a number comparison', and(rule('days', 'gt', 5)), 'days > 5'],
  [
    'every comparison',
    and(rule('days', 'ge', 1), rule('days', 'le', 28.5), rule('days', 'lt', 10), rule('days', 'ne', 3)),
    'days >= 1 && days <= 28.5 && days < 10 && days != 3',
  ],
  ['a string with quotes', and(rule('kind', 'eq', 'paid "extra"')), 'kind == "paid \\"extra\\""'],
  ['a document field', and(rule('document.client.city', 'eq', 'Омск')), 'document.client.city == "Омск"'],
  [
    'contains and startsWith',
    and(rule('who', 'contains', 'ivan'), rule('who', 'startsWith', 'i')),
    'who.contains("ivan") && who.startsWith("i")',
  ],
  ['in a list', and(rule('kind', 'in', ['paid', 'unpaid'])), 'kind in ["paid", "unpaid"]'],
  [
    'a value in a multiselect',
    and(rule('who', 'empty'), rule('document.x', 'notEmpty')),
    'isEmpty(who) && !isEmpty(document.x)',
  ],
  ['OR', or(rule('approved', 'isTrue'), rule('days', 'lt', 3)), 'approved || days < 3'],
  [
    'AND inside OR',
    or(and(rule('approved', 'isTrue'), rule('days', 'gt', 5)), rule('kind', 'eq', 'paid')),
    '(approved && days > 5) || kind == "paid"',
  ],
  [
    'OR inside AND',
    and(rule('approved', 'isTrue'), or(rule('days', 'gt', 5), rule('kind', 'eq', 'paid'))),
    'approved && (days > 5 || kind == "paid")',
  ],
  [
    'a group inside a group of the same join',
    and(rule('approved', 'isTrue'), and(rule('days', 'gt', 1), rule('days', 'lt', 9))),
    'approved && (days > 1 && days < 9)',
  ],
  ['no rules: always', and(), 'true'],
];

describe('condition builder ⇄ CEL', () => {
  it.each(CASES)('%s: model → CEL', (_name, model, cel) => expect(toCel(model)).toBe(cel));
  it.each(CASES)('%s: CEL → model', (_name, model, cel) => expect(fromCel(cel)).toEqual(model));
  it.each(CASES.filter(([n]) => !n.includes('document') && n !== 'a value in a multiselect'))(
    '%s: the CEL compiles in the engine',
    (_name, _model, cel) => expect(compiles(cel)).toEqual([]),
  );

  it('single-item and empty inner groups are written without parentheses, and read back normalised', () => {
    const model = and(rule('approved', 'isTrue'), or(rule('days', 'gt', 5)), or());
    expect(toCel(model)).toBe('approved && days > 5');
    expect(fromCel(toCel(model))).toEqual(normalize(model));
    expect(normalize(model)).toEqual(and(rule('approved', 'isTrue'), rule('days', 'gt', 5)));
  });

  it('reads hand-written CEL in the subset: single quotes, no spaces, AND binding tighter than OR', () => {
    expect(fromCel("days>5&&kind=='paid'")).toEqual(and(rule('days', 'gt', 5), rule('kind', 'eq', 'paid')));
    expect(fromCel('a || b && c')).toEqual(
      or(rule('a', 'isTrue'), and(rule('b', 'isTrue'), rule('c', 'isTrue'))),
    );
    expect(fromCel('(approved)')).toEqual(and(rule('approved', 'isTrue')));
    expect(fromCel('  ')).toEqual(and());
    expect(fromCel('days == -2')).toEqual(and(rule('days', 'eq', -2)));
  });

  it.each([
    'size(tags) > 2',
    '!(a && b)',
    'days + 1 > 5',
    'a ? b : c',
    'days > other',
    'kind == "x',
    'document["x"] == 1',
    'who.matches("a.*")',
  ])('leaves %s to the expression editor', (cel) => expect(fromCel(cel)).toBeNull());
});
