import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client.ts';
import type { List } from '../../src/api/lists.ts';
import { keyProblem, suggestKey } from '../../src/crm-fields/field-key.ts';
import { newFieldDraft, rowErrors } from '../../src/crm-fields/field-list.ts';
import {
  draftOfList,
  listFieldOf,
  listKeyValid,
  listOfDraft,
  newListDraft,
  RECORD_NAMES,
  settingsErrors,
  suggestListKey,
} from '../../src/lists/list-draft.ts';

const contracts: List = {
  id: 'l1',
  key: 'contracts',
  name: 'Contracts',
  description: 'With suppliers',
  fields: [{ key: 'amount', label: 'Amount', type: 'number', options: [], required: true }],
  rights: { read: ['everyone'], write: ['role:clerk'] },
  processKey: 'check-contract',
  canWrite: true,
  canManage: true,
  recordCount: 0,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
};

describe('a list’s settings draft', () => {
  it('starts read and written by everyone, as the server would have it', () => {
    expect(listOfDraft(newListDraft())).toEqual({
      key: '',
      name: '',
      description: '',
      fields: [],
      rights: { read: ['everyone'], write: ['everyone'] },
      processKey: null,
    });
  });

  it('of a stored list is sent back as it was, trimmed', () => {
    const draft = { ...draftOfList(contracts), name: ' Contracts ', description: 'With suppliers \n' };
    expect(listOfDraft(draft)).toEqual({
      key: 'contracts',
      name: 'Contracts',
      description: 'With suppliers',
      fields: contracts.fields,
      rights: contracts.rights,
      processKey: 'check-contract',
    });
  });

  it('takes a field from the field dialog without stages, its options only for a list', () => {
    const draft = { ...newFieldDraft(), label: ' Kind ', key: 'kind', options: ['supply'], required: true };
    expect(listFieldOf(draft)).toEqual({
      key: 'kind',
      label: 'Kind',
      type: 'string',
      options: [],
      required: true,
    });
  });
});

describe('a list’s key', () => {
  it('is suggested from the name in Latin letters, not one taken', () => {
    expect(suggestListKey('Договоры', [])).toBe('dogovory');
    expect(suggestListKey('Company cars', ['company-cars'])).toBe('company-cars-2');
    expect(suggestListKey('!!!', [])).toBe('list');
  });

  it('is a template key: letters, digits, ".", "_", "-", 100 at most', () => {
    expect(listKeyValid('contracts.2026_v-1')).toBe(true);
    expect(listKeyValid('договоры')).toBe(false);
    expect(listKeyValid('a b')).toBe(false);
    expect(listKeyValid('x'.repeat(101))).toBe(false);
  });
});

describe('a list’s field key', () => {
  it('may not be a name a record has of its own, which processes read', () => {
    expect(keyProblem('author', RECORD_NAMES)).toBe('builtIn');
    expect(keyProblem('amount', RECORD_NAMES)).toBeNull();
    expect(suggestKey('Title', [], RECORD_NAMES)).toBe('title2');
  });
});

describe('the server’s refusal of the settings', () => {
  const refusal = new ApiError(422, 'INVALID_LIST', 'the list does not fit', [
    { path: 'body.rights.write.1', message: 'there is no role ghost' },
    { path: 'body.processKey', message: 'there is no published template x' },
    { path: 'body.fields.1.options', message: 'a list needs its options' },
    { path: 'body.key', message: 'contracts is taken by another list' },
  ]);

  it('names the inputs, a right by its list of subjects', () => {
    expect(settingsErrors(refusal)).toEqual({
      write: 'there is no role ghost',
      processKey: 'there is no published template x',
      key: 'contracts is taken by another list',
    });
  });

  it('names the fields by their row', () => {
    expect(rowErrors(refusal, 'body.fields')).toEqual({ 1: { options: 'a list needs its options' } });
  });

  it('is nothing for an error that is not the server’s', () => {
    expect(settingsErrors(new Error('offline'))).toEqual({});
  });
});
