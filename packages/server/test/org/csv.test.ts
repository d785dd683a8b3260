import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../src/org/csv.ts';

describe('CSV', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks; numbers rows as a spreadsheet does', () => {
    const table = parseCsv('\uFEFFlogin,name\r\nann,"Ann, ""the"" accountant"\r\n\r\nbob,"two\nlines"\r\n');
    expect(table.header).toEqual(['login', 'name']);
    expect(table.records).toEqual([
      { row: 2, cells: ['ann', 'Ann, "the" accountant'] },
      { row: 4, cells: ['bob', 'two\nlines'] },
    ]);
  });

  it('takes ; as the delimiter when the header has more of them (Excel in Russian locales)', () => {
    expect(parseCsv('login;name\nann;Анна, бухгалтер').records).toEqual([
      { row: 2, cells: ['ann', 'Анна, бухгалтер'] },
    ]);
  });

  it('rejects an unclosed quote and an empty file, naming the row', () => {
    expect(() => parseCsv('login,name\nann,"open')).toThrow(CsvError);
    expect(() => parseCsv('login,name\nann,"open')).toThrow(expect.objectContaining({ row: 2 }));
    expect(() => parseCsv('\n\n')).toThrow('the file is empty');
  });
});
