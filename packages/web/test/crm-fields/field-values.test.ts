import { describe, expect, it } from 'vitest';
import type { CrmField } from '../../src/api/crm-fields.ts';
import {
  filledIn,
  isEmptyValue,
  newFieldsOf,
  numberValue,
  requiredAt,
  sameValues,
  withValue,
} from '../../src/crm-fields/field-values.ts';

const field = (key: string, over: Partial<CrmField> = {}): CrmField => ({
  key,
  label: key,
  type: 'string',
  options: [],
  required: false,
  requiredAtStages: [],
  ...over,
});

describe('a field required at a stage', () => {
  it('is one required for every deal, at any stage', () => {
    expect(requiredAt(field('source', { required: true }), 's1')).toBe(true);
  });
  it('is one required at that stage, and only there', () => {
    const signedOn = field('signedOn', { requiredAtStages: ['won'] });
    expect(requiredAt(signedOn, 'won')).toBe(true);
    expect(requiredAt(signedOn, 'new')).toBe(false);
  });
  it('is not one required nowhere', () => {
    expect(requiredAt(field('note'), 'won')).toBe(false);
  });
  it('is, for an item without stages (a contact, a company), only one required for every item', () => {
    expect(requiredAt(field('segment', { required: true }))).toBe(true);
    expect(requiredAt(field('signedOn', { requiredAtStages: ['won'] }))).toBe(false);
  });
});

describe('an empty value, as the server counts it', () => {
  it.each([undefined, null, '', '   '])('%j is empty', (value) => {
    expect(isEmptyValue(value)).toBe(true);
  });
  it.each([false, 0, 'x'])('%j is a value', (value) => {
    expect(isEmptyValue(value)).toBe(false);
  });
});

describe('a value set on a deal', () => {
  it('leaves every other key as it was, those no field defines too', () => {
    const values = { source: 'web', setByProcess: 42 };
    expect(withValue(values, 'source', null)).toEqual({ source: null, setByProcess: 42 });
    expect(withValue(values, 'paid', false)).toEqual({ source: 'web', setByProcess: 42, paid: false });
    expect(values).toEqual({ source: 'web', setByProcess: 42 });
  });
});

describe('a number input as a value', () => {
  it.each([
    [12.5, 12.5],
    ['', null],
    ['  ', null],
    ['-', null],
    ['1.', 1],
    ['3', 3],
    [Number.NaN, null],
  ])('%j → %j', (input, value) => {
    expect(numberValue(input)).toBe(value);
  });
});

describe('the values an item is sent with', () => {
  it('are those holding one, by key in order', () => {
    expect(Object.entries(filledIn({ b: 2, a: false, c: null, d: '' }))).toEqual([
      ['a', false],
      ['b', 2],
      ['d', ''],
    ]);
  });
  it('are the same when they differ only in order or in emptied ones', () => {
    expect(sameValues({ a: 1, b: 'x', c: null }, { b: 'x', a: 1 })).toBe(true);
    expect(sameValues({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameValues({ a: 1 }, { a: 1, b: false })).toBe(false);
  });
  it('go with a new item only when some hold one', () => {
    expect(newFieldsOf({ a: null })).toEqual({});
    expect(newFieldsOf({ b: 0, a: null })).toEqual({ fields: { b: 0 } });
  });
});
