import { ApiError } from '../api/client.ts';
import type { ImportKind } from '../api/crm-import.ts';

/**
 * What may be imported, in the order it must be: deals name companies and contacts already stored;
 * leads name nothing stored (their company is text), so they may come at any time.
 */
export const IMPORT_KINDS: readonly ImportKind[] = ['companies', 'contacts', 'deals', 'leads'];

/** A person's name in parts, as Russian writes a full name: joined into the name when there is none. */
const NAME_PARTS = ['lastName', 'firstName', 'middleName'] as const;

/** The columns a file of each kind may have (docs/API.md "Import"). */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  companies: ['name', 'taxId', 'phone', 'email', 'address', 'comment', 'responsible'],
  contacts: ['name', ...NAME_PARTS, 'phone', 'email', 'position', 'company', 'comment', 'responsible'],
  deals: ['title', 'pipeline', 'stage', 'amount', 'currency', 'company', 'contact', 'responsible', 'comment'],
  leads: [
    'title',
    'pipeline',
    'stage',
    'name',
    ...NAME_PARTS,
    'company',
    'phone',
    'email',
    'source',
    'amount',
    'currency',
    'responsible',
    'comment',
  ],
};

/**
 * The column a row cannot do without; a lead has none of its own: any of its title, name, company,
 * phone or e-mail says who it is from (its title's hint says so).
 */
export const REQUIRED_COLUMN: Record<ImportKind, string | null> = {
  companies: 'name',
  contacts: 'name',
  deals: 'title',
  leads: null,
};

const SAMPLE_ROWS: Record<ImportKind, readonly (readonly string[])[]> = {
  companies: [
    [
      'ACME Ltd',
      '7701234567',
      '+7 495 000-00-00',
      'info@acme.example',
      'Moscow, Tverskaya 1',
      'Key client',
      '',
    ],
    ['Roga i Kopyta', '', '', 'hello@roga.example', '', '', ''],
  ],
  contacts: [
    ['Pavel Orlov', '', '', '', '+7 900 000-00-00', 'pavel@acme.example', 'Buyer', '7701234567', '', ''],
    ['', 'Lebedeva', 'Anna', 'Sergeevna', '', 'anna@roga.example', 'Director', 'Roga i Kopyta', '', ''],
  ],
  deals: [
    [
      'Forklifts for ACME',
      '',
      '',
      '1 250 000,50',
      'RUB',
      '7701234567',
      'pavel@acme.example',
      '',
      'From the fair',
    ],
    ['Pallets', '', '', '90000', 'RUB', 'Roga i Kopyta', 'Anna Lebedeva', '', ''],
  ],
  leads: [
    [
      'Website redesign',
      '',
      '',
      'Anna Lebedeva',
      '',
      '',
      '',
      'Roga i Kopyta',
      '+7 900 111-22-33',
      'anna@roga.example',
      'Website',
      '250 000',
      'RUB',
      '',
      'Wants it by spring',
    ],
    ['', '', '', '', 'Orlov', 'Pavel', '', '', '+7 900 000-00-00', '', 'Exhibition', '', '', '', ''],
  ],
};

/** One cell as CSV: quoted when it holds the separator, a quote or a line break. */
const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Rows as a CSV file, `;`-separated as Excel writes them in Russia. */
export function csvOf(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(cell).join(';')).join('\r\n');
}

/** A sample file of a kind: the header and two rows. */
export function sampleCsv(kind: ImportKind): string {
  return csvOf([IMPORT_COLUMNS[kind], ...SAMPLE_ROWS[kind]]);
}

/** One problem of a refused file: its row (the header is row 1), column ('' for the whole row), message. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** The problems of a 422 IMPORT_FAILED, by row, from paths `<kind>.<row>.<column>`; none for other errors. */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_FAILED') return [];
  return error.errors
    .map((e) => {
      const [, row = '0', ...column] = e.path.split('.');
      return { row: Number(row) || 0, column: column.join('.'), message: e.message };
    })
    .sort((a, b) => a.row - b.row);
}
