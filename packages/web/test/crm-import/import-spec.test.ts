import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client.ts';
import { IMPORT_COLUMNS, importProblems, sampleCsv } from '../../src/crm-import/import-spec.ts';

describe('a sample file', () => {
  it('has the kind’s columns as its header and quotes cells holding the separator', () => {
    const [header, ...rows] = sampleCsv('deals').split('\r\n');
    expect(header?.split(';')).toEqual([...IMPORT_COLUMNS.deals]);
    expect(rows).toHaveLength(2);
    for (const kind of ['companies', 'contacts'] as const)
      expect(sampleCsv(kind).split('\r\n')[0]).toBe(IMPORT_COLUMNS[kind].join(';'));
  });
});

describe('the problems of a refused file', () => {
  it('are read from <kind>.<row>.<column> paths, by row', () => {
    const error = new ApiError(422, 'IMPORT_FAILED', '2 problems', [
      { path: 'deals.4.amount', message: 'not a number: lots' },
      { path: 'deals.3.company', message: 'no company Nobody Inc' },
      { path: 'deals.5', message: 'too many cells' },
    ]);
    expect(importProblems(error)).toEqual([
      { row: 3, column: 'company', message: 'no company Nobody Inc' },
      { row: 4, column: 'amount', message: 'not a number: lots' },
      { row: 5, column: '', message: 'too many cells' },
    ]);
  });

  it('are none for any other refusal', () => {
    expect(importProblems(new ApiError(400, 'VALIDATION', 'kind: required'))).toEqual([]);
    expect(importProblems(new Error('offline'))).toEqual([]);
  });
});
