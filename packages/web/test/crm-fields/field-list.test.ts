import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client.ts';
import type { CrmField, CrmFieldInput } from '../../src/api/crm-fields.ts';
import {
  draftOfField,
  errorsOfRow,
  fieldOfDraft,
  inputsOf,
  moveField,
  newFieldDraft,
  rowErrors,
  withField,
  withoutField,
} from '../../src/crm-fields/field-list.ts';

const source: CrmField = {
  key: 'source',
  label: 'Source',
  type: 'select',
  options: ['Web', 'Call'],
  required: false,
  requiredAtStages: ['won'],
};
const budget: CrmField = { ...source, key: 'budget', label: 'Budget', type: 'number', options: [] };
const refusal = (...errors: [string, string][]) =>
  new ApiError(
    422,
    'INVALID_FIELDS',
    'the deal fields do not fit',
    errors.map(([path, message]) => ({ path, message })),
  );

describe('a field draft', () => {
  it('is sent trimmed, with options only for a list', () => {
    const draft = {
      ...newFieldDraft(),
      label: ' Budget ',
      key: ' budget ',
      type: 'number' as const,
      options: ['x'],
    };
    expect(fieldOfDraft(draft)).toEqual({
      key: 'budget',
      label: 'Budget',
      type: 'number',
      options: [],
      required: false,
      requiredAtStages: [],
    });
  });
  it('of a stored field is that field again, its key kept from the label', () => {
    const draft = draftOfField(source);
    expect(draft.keyEdited).toBe(true);
    expect(fieldOfDraft(draft)).toEqual(inputsOf([source])[0]);
  });
});

describe('the list of fields', () => {
  const list: CrmFieldInput[] = inputsOf([source, budget]);
  it('takes a new field last and a changed one in its place', () => {
    const note: CrmFieldInput = { key: 'note', label: 'Note', type: 'string' };
    expect(withField(list, null, note).map((f) => f.key)).toEqual(['source', 'budget', 'note']);
    expect(withField(list, 0, note).map((f) => f.key)).toEqual(['note', 'budget']);
  });
  it('moves a field up or down, never past an end', () => {
    expect(moveField(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveField(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveField(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveField(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
  it('loses a deleted field', () => {
    expect(withoutField(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe("the server's refusal of a list", () => {
  it('is told by row and field', () => {
    const error = refusal(
      ['body.items.1.key', 'budget is used twice'],
      ['body.items.0.options', 'a list needs its options'],
      ['body.items.0.requiredAtStages.1', 'there is no stage x'],
      ['body.items.0.options.2', 'too long'],
    );
    expect(rowErrors(error)).toEqual({
      0: { options: 'a list needs its options', requiredAtStages: 'there is no stage x' },
      1: { key: 'budget is used twice' },
    });
    expect(rowErrors(new Error('offline'))).toEqual({});
  });

  it('names a key used twice at both rows that use it', () => {
    const sent = inputsOf([budget, source, budget]);
    const error = refusal(['body.items.2.key', 'budget is used twice']);
    expect(errorsOfRow(error, sent, 2)).toEqual({ key: 'budget is used twice' });
    expect(errorsOfRow(error, sent, 0)).toEqual({ key: 'budget is used twice' });
    expect(errorsOfRow(error, sent, 1)).toEqual({});
  });
});
