/** One record of a CSV file, numbered as a spreadsheet shows it (the header is row 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Parses CSV as RFC 4180 describes it (quoted cells may hold the delimiter, quotes doubled, line
 * breaks), with what spreadsheets add: a UTF-8 byte-order mark, CRLF or LF, and `;` as the delimiter
 * when the header has more `;` than `,` (Excel in Russian locales). Blank lines are skipped.
 *
 * @example
 * parseCsv('login,name\r\nann,"Ann, the accountant"\r\n');
 * // { header: ['login', 'name'], records: [{ row: 2, cells: ['ann', 'Ann, the accountant'] }] }
 */
export function parseCsv(text: string): CsvTable {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = delimiterOf(source);
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push(cells);
    cells = [];
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) endCell();
    else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && source[i + 1] === '\n') i++;
    } else cell += c;
    i++;
  }
  if (quoted) throw new CsvError(records.length + 1, 'a quoted cell is not closed');
  if (cell !== '' || cells.length > 0) endRecord();
  const numbered = records.map((cells, index) => ({ row: index + 1, cells: cells.map((c) => c.trim()) }));
  const nonBlank = numbered.filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rest] = nonBlank;
  if (!header) throw new CsvError(1, 'the file is empty: it needs a header row');
  return { header: header.cells, records: rest };
}

function delimiterOf(source: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of source) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
