/** The types a browser and a mail client know a file by, from its name's extension. */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
};

export const typeOfName = (name: string): string =>
  TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

/** Why a file name cannot be kept, or null: 1–255 characters, no path, no control characters. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '' || name.length > 255) return 'a file name has 1 to 255 characters';
  if (/[/\\\p{Cc}]/u.test(name)) return 'a file name has no slashes and no control characters';
  if (name === '.' || name === '..') return 'not a file name';
  return null;
}
