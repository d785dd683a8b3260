import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client.ts';
import {
  csvOf,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  importProblems,
  sampleCsv,
} from '../../src/crm-import/import-spec.ts';

describe('a sample file', () => {
  it('quotes cells holding the separator, a quote or a line break', () => {
    expect(csvOf([['ACME; Ltd', 'say "hi"', 'two\nlines', 'plain']])).toBe(
      '"ACME; Ltd";"say ""hi""";"two\nlines";plain',
    );
  });

  it('has, for every kind, its columns as the header and two rows with a cell for each', () => {
    for (const kind of IMPORT_KINDS) {
      const [header, ...rows] = sampleCsv(kind).split('\r\n');
      expect(header, kind).toBe(IMPORT_COLUMNS[kind].join(';'));
      expect(
        rows.map((row) => row.split(';').length),
        kind,
      ).toEqual([IMPORT_COLUMNS[kind].length, IMPORT_COLUMNS[kind].length]);
    }
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
