import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { FieldError } from '../http/problem.ts';
import {
  ID_PATTERN,
  LOGIN_PATTERN,
  localeProblem,
  NAME_PATTERN,
  normaliseLogin,
  PHONE_PATTERN,
  timeZoneProblem,
} from './checks.ts';
import { CsvError, parseCsv } from './csv.ts';

/** A department row; `parent`/`head` are undefined when the file has no such column, '' when the cell is empty. */
export interface DepartmentRow {
  row: number;
  id: string;
  name: string;
  parent?: string;
  head?: string;
}

/** A user row; each field is undefined when the file has no such column. */
export interface UserRow {
  row: number;
  login: string;
  name: string;
  id?: string;
  email?: string | null;
  phone?: string | null;
  position?: string | null;
  /** A department id, '' for none. */
  department?: string;
  /** A login, '' for none. */
  manager?: string;
  password?: string;
  roles?: { role: string; departmentId: string | null }[];
  groups?: string[];
  locale?: string | null;
  timeZone?: string | null;
  active?: boolean;
}

/** A cell read: the value for the row (undefined: leave the field out) and what is wrong with it, if anything. */
interface Read {
  value: unknown;
  problem?: string | null;
}

/** One column: the row field it fills and how a cell is read. */
interface Column<R> {
  field: keyof R & string;
  required?: true;
  read: (cell: string) => Read;
}

const orNull = (cell: string) => (cell === '' ? null : cell);
const list = (cell: string) =>
  cell
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const BOOLEANS: Record<string, boolean> = {
  true: true,
  yes: true,
  '1': true,
  да: true,
  false: false,
  no: false,
  '0': false,
  нет: false,
};
const ID_RULE = 'letters, digits, ".", "_", "-" (1–64)';
const text = (cell: string): Read => ({ value: cell });
const required = (cell: string): Read => ({ value: cell, problem: cell === '' ? 'a value is needed' : null });
const login = (cell: string): Read => ({ value: normaliseLogin(cell) });

export const departmentColumns: Record<string, Column<DepartmentRow>> = {
  id: {
    field: 'id',
    required: true,
    read: (c) => ({ value: c, problem: ID_PATTERN.test(c) ? null : ID_RULE }),
  },
  name: { field: 'name', required: true, read: required },
  parent: { field: 'parent', read: text },
  head: { field: 'head', read: login },
};

export const userColumns: Record<string, Column<UserRow>> = {
  login: {
    field: 'login',
    required: true,
    read: (c) => {
      const value = normaliseLogin(c);
      return { value, problem: LOGIN_PATTERN.test(value) ? null : 'letters, digits and ._@+- only' };
    },
  },
  name: { field: 'name', required: true, read: required },
  id: {
    field: 'id',
    read: (c) =>
      c === '' ? { value: undefined } : { value: c, problem: ID_PATTERN.test(c) ? null : ID_RULE },
  },
  email: {
    field: 'email',
    read: (c) => ({
      value: orNull(c),
      problem: c === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c) ? null : `"${c}" is not an e-mail address`,
    }),
  },
  phone: {
    field: 'phone',
    read: (c) => ({
      value: orNull(c),
      problem: c === '' || PHONE_PATTERN.test(c) ? null : `"${c}" is not a phone number`,
    }),
  },
  position: { field: 'position', read: (c) => ({ value: orNull(c) }) },
  department: { field: 'department', read: text },
  manager: { field: 'manager', read: login },
  password: {
    field: 'password',
    read: (c) =>
      c === ''
        ? { value: undefined }
        : {
            value: c,
            problem: c.length >= MIN_PASSWORD_LENGTH ? null : `at least ${MIN_PASSWORD_LENGTH} characters`,
          },
  },
  roles: {
    field: 'roles',
    read: (c) => {
      const value = list(c).map((item) => {
        const [role = '', departmentId] = item.split('@').map((s) => s.trim());
        return { role, departmentId: departmentId || null };
      });
      const bad = value.find((h) => !NAME_PATTERN.test(h.role));
      return {
        value,
        problem: bad ? `"${bad.role}" is not a role name (write role or role@departmentId)` : null,
      };
    },
  },
  groups: { field: 'groups', read: (c) => ({ value: list(c) }) },
  locale: {
    field: 'locale',
    read: (c) => ({ value: orNull(c), problem: c === '' ? null : localeProblem(c) }),
  },
  timezone: {
    field: 'timeZone',
    read: (c) => ({ value: orNull(c), problem: c === '' ? null : timeZoneProblem(c) }),
  },
  active: {
    field: 'active',
    read: (c) => {
      if (c === '') return { value: undefined };
      const value = BOOLEANS[c.toLowerCase()];
      return { value, problem: value === undefined ? `"${c}" is not true or false` : null };
    },
  },
};

/**
 * The rows of one CSV file, each checked on its own (format, required cells, duplicates in the file);
 * every problem goes to `errors` as `<file>.<row>.<column>`. Header names are case-insensitive.
 */
export function readRows<R extends { row: number }>(
  file: 'departments' | 'users',
  text: string | undefined,
  columns: Record<string, Column<R>>,
  errors: FieldError[],
): { rows: R[] } {
  if (text === undefined) return { rows: [] };
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    errors.push({ path: `${file}.${error.row}`, row: error.row, message: error.message });
    return { rows: [] };
  }
  const header = table.header.map((h) => h.toLowerCase());
  const before = errors.length;
  header.forEach((h, i) => {
    if (!(h in columns))
      errors.push({
        path: `${file}.1.${table.header[i]}`,
        row: 1,
        message: `unknown column; known: ${Object.keys(columns).join(', ')}`,
      });
    else if (header.indexOf(h) !== i)
      errors.push({ path: `${file}.1.${table.header[i]}`, row: 1, message: 'the column is there twice' });
  });
  for (const [name, spec] of Object.entries(columns))
    if (spec.required && !header.includes(name))
      errors.push({ path: `${file}.1`, row: 1, message: `the column ${name} is missing` });
  if (errors.length > before) return { rows: [] };

  const rows: R[] = [];
  const keys = new Map<string, number>();
  for (const record of table.records) {
    const at = `${file}.${record.row}`;
    if (record.cells.length > header.length) {
      errors.push({
        path: at,
        row: record.row,
        message: `${record.cells.length} cells, but ${header.length} columns`,
      });
      continue;
    }
    const row: Record<string, unknown> = { row: record.row };
    header.forEach((h, i) => {
      const column = columns[h] as Column<R>;
      const { value, problem } = column.read(record.cells[i] ?? '');
      if (value !== undefined) row[column.field] = value;
      if (problem) errors.push({ path: `${at}.${column.field}`, row: record.row, message: problem });
    });
    const r = row as unknown as { id?: string; login?: string };
    for (const [field, value] of [
      ['id', r.id],
      ['login', r.login],
    ] as const) {
      if (value === undefined || (file === 'departments' && field === 'login')) continue;
      const first = keys.get(`${field}:${value}`);
      if (first !== undefined)
        errors.push({ path: `${at}.${field}`, row: record.row, message: `${value} is also in row ${first}` });
      else keys.set(`${field}:${value}`, record.row);
    }
    rows.push(row as R);
  }
  return { rows };
}
