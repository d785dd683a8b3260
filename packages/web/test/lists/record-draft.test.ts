import { describe, expect, it } from 'vitest';
import type { ListRecord } from '../../src/api/lists.ts';
import {
  changesOf,
  draftOfRecord,
  newRecordDraft,
  newRecordOf,
  rebase,
} from '../../src/lists/record-draft.ts';

const record: ListRecord = {
  id: 'r1',
  listId: 'l1',
  title: 'Paper supply',
  values: { counterparty: 'Paper Mill', amount: 1200 },
  version: 1,
  createdBy: 'ivan',
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedBy: 'ivan',
  updatedAt: '2026-05-01T10:00:00.000Z',
  editable: true,
  files: [],
};

describe('a new record', () => {
  it('is sent with its title trimmed and only the values it holds', () => {
    const draft = { title: ' Paper ', values: { counterparty: 'Mill', amount: null, signed: false } };
    expect(newRecordOf(draft)).toEqual({ title: 'Paper', values: { counterparty: 'Mill', signed: false } });
  });

  it('holding no value is sent without values', () => {
    expect(newRecordOf({ ...newRecordDraft(), title: 'Paper' })).toEqual({ title: 'Paper' });
  });
});

describe('a record’s changes', () => {
  it('are nothing while the draft is the record', () => {
    expect(changesOf(record, draftOfRecord(record))).toEqual({});
  });

  it('carry the values whole when one changed (the server replaces them whole), an emptied one left out', () => {
    const draft = { ...draftOfRecord(record), values: { counterparty: null, amount: 1500 } };
    expect(changesOf(record, draft)).toEqual({ values: { amount: 1500 } });
  });

  it('carry a changed title alone', () => {
    expect(changesOf(record, { ...draftOfRecord(record), title: 'Paper supply 2026 ' })).toEqual({
      title: 'Paper supply 2026',
    });
  });
});

describe('a draft carried over to a newer record', () => {
  const newer: ListRecord = {
    ...record,
    title: 'Paper supply (signed)',
    values: { counterparty: 'Paper Mill LLC', amount: 1200, kind: 'supply' },
    version: 2,
  };

  it('keeps what was edited here and takes the rest from the newer record', () => {
    const draft = { ...draftOfRecord(record), values: { counterparty: 'Paper Mill', amount: 1500 } };
    expect(rebase(draft, record, newer)).toEqual({
      title: 'Paper supply (signed)',
      values: { counterparty: 'Paper Mill LLC', amount: 1500, kind: 'supply' },
    });
  });

  it('keeps an edited title and a value emptied here', () => {
    const draft = { title: 'Paper', values: { counterparty: null, amount: 1200 } };
    expect(rebase(draft, record, newer)).toEqual({
      title: 'Paper',
      values: { counterparty: null, amount: 1200, kind: 'supply' },
    });
  });
});
