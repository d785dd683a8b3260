import { describe, expect, it } from 'vitest';
import type { DealField } from '../../src/api/crm-deal-fields.ts';
import {
  isEmptyValue,
  missingRequired,
  numberValue,
  requiredAt,
  withValue,
} from '../../src/crm-fields/field-values.ts';

const field = (key: string, over: Partial<DealField> = {}): DealField => ({
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
});

describe('an empty value, as the server counts it', () => {
  it.each([undefined, null, '', '   '])('%j is empty', (value) => {
    expect(isEmptyValue(value)).toBe(true);
  });
  it.each([false, 0, 'x'])('%j is a value', (value) => {
    expect(isEmptyValue(value)).toBe(false);
  });
});

describe('the required fields a deal lacks', () => {
  const fields = [
    field('source', { required: true }),
    field('signedOn', { requiredAtStages: ['won'] }),
    field('paid', { type: 'boolean', requiredAtStages: ['won'] }),
    field('note'),
  ];
  it('are those required there and empty, in order', () => {
    expect(missingRequired(fields, { source: ' ', paid: null }, 'won')).toEqual([
      'source',
      'signedOn',
      'paid',
    ]);
    expect(missingRequired(fields, { source: 'web', signedOn: '2026-05-12', paid: false }, 'won')).toEqual(
      [],
    );
    expect(missingRequired(fields, {}, 'new')).toEqual(['source']);
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
