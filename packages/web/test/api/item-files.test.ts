import { describe, expect, it } from 'vitest';
import {
  type FileHolder,
  heldFileOf,
  type ItemFile,
  itemFilesKey,
  itemFileUrl,
} from '../../src/api/item-files.ts';
import { FIELD_TYPES } from '../../src/crm-fields/field-list.ts';

const scan: ItemFile = {
  id: 'up-1',
  name: 'Contract scan.pdf',
  contentType: 'application/pdf',
  size: 2048,
  uploadedBy: 'ivan',
  uploadedAt: '2026-05-01T10:00:00.000Z',
};
const signed: ItemFile = { ...scan, id: 'up-2', name: 'Signed contract.pdf' };

describe('the files an item holds', () => {
  it('are cached under the root the item’s saves refresh: crm for an item, lists for a record', () => {
    expect(itemFilesKey({ kind: 'deal', id: 'd1' })).toEqual(['crm', 'deal', 'd1', 'files']);
    expect(itemFilesKey({ kind: 'company', id: 'c1' })).toEqual(['crm', 'company', 'c1', 'files']);
    expect(itemFilesKey({ kind: 'record', id: 'r1' })).toEqual(['lists', 'record', 'r1', 'files']);
  });

  it('download from the item’s own address, each kind its own', () => {
    const url = (kind: FileHolder['kind']) => itemFileUrl({ kind, id: 'i 1' }, 'up/1');
    expect(url('deal')).toBe('/api/v1/crm/deals/i%201/files/up%2F1');
    expect(url('lead')).toBe('/api/v1/crm/leads/i%201/files/up%2F1');
    expect(url('contact')).toBe('/api/v1/crm/contacts/i%201/files/up%2F1');
    expect(url('company')).toBe('/api/v1/crm/companies/i%201/files/up%2F1');
    expect(url('record')).toBe('/api/v1/list-records/i%201/files/up%2F1');
  });

  it('name a file field’s value: the file it holds, none for no value or one not listed', () => {
    expect(heldFileOf([scan, signed], 'up-2')).toBe(signed);
    expect(heldFileOf([scan, signed], 'up-3')).toBeUndefined();
    for (const value of [null, undefined, '', 42]) expect(heldFileOf([scan], value)).toBeUndefined();
  });
});

describe('the field types offered', () => {
  it('end with a file, after an employee', () => {
    expect(FIELD_TYPES.slice(-2)).toEqual(['user', 'file']);
  });
});
