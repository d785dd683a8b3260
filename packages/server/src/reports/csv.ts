/**
 * One CSV line (RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled). A text
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet
 * opening the export shows a step named "=HYPERLINK(…)" as text instead of running it (OWASP, CSV
 * injection); numbers are written as they are.
 */
export function csvLine(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
