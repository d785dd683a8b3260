/** Reading a CRM import's cells as spreadsheets write them (Russian ones included). */

/** `1 250 000,50`, `1,250,000.50`, `1250000.5` → 1250000.5; null for an empty cell; NaN for anything else. */
export function readNumber(cell: string): number | null {
  const s = cell.replace(/[\s\u00a0']/g, '');
  if (s === '') return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const decimal = lastComma > lastDot ? ',' : '.';
  const plain = s
    .split(decimal === ',' ? '.' : ',')
    .join('')
    .replace(decimal, '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

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

/** `yes` / `да` / `1` / `true` and their opposites; null for an empty cell; undefined for anything else. */
export const readBoolean = (cell: string): boolean | null | undefined =>
  cell === '' ? null : BOOLEANS[cell.toLowerCase()];

/** `2030-02-01` or `01.02.2030` → `2030-02-01`; null for an empty cell; undefined for anything else. */
export function readDate(cell: string): string | null | undefined {
  if (cell === '') return null;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(cell);
  const iso = dotted ? `${dotted[3]}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}` : cell;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}
