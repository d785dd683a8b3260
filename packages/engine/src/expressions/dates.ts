/**
 * The date strings expressions work with. Field types `date` and `datetime` hold ISO 8601 strings:
 * `2024-03-15` (a calendar date) or `2024-03-15T10:00:00Z` / `…+03:00`. A date-time without an
 * offset is read as UTC, never as the host's local time, so the result does not depend on where the
 * engine runs.
 */

export const DAY_MS = 86_400_000;
/** The largest distance from the epoch a JS Date can represent. */
const MAX_DATE_MS = 8.64e15;

export interface ParsedDate {
  /** Epoch milliseconds; a calendar date is its midnight UTC. */
  ms: number;
  /** True for `YYYY-MM-DD` without a time. */
  dateOnly: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `Date.UTC` without its two-digit-year quirk (years 0–99 would otherwise mean 1900–1999). */
export function utcMs(year: number, month: number, day: number): number {
  // The Gregorian calendar repeats every 400 years, which are exactly 146 097 days.
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month, day) - 146_097 * DAY_MS;
  return Date.UTC(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/**
 * Parses `YYYY-MM-DD` or an ISO date-time (seconds, fraction and offset optional).
 *
 * @example parseDate('2024-03-15T12:00:00+03:00') // { ms: Date.UTC(2024, 2, 15, 9), dateOnly: false }
 * @throws RangeError naming the input when it is not such a date or names an impossible day.
 */
export function parseDate(text: string): ParsedDate {
  const invalid = () =>
    new RangeError(`Not an ISO date: '${String(text)}' (expected YYYY-MM-DD or an ISO date-time)`);
  if (typeof text !== 'string') throw invalid();
  const dateOnly = DATE.exec(text);
  const match = dateOnly ?? DATE_TIME.exec(text);
  if (!match) throw invalid();
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) throw invalid();
  if (hour > 23 || minute > 59 || second > 59) throw invalid();
  const fraction = match[7] ? Math.round(Number(`0.${match[7]}`) * 1000) : 0;
  const offset = match[8] ? offsetMinutes(match[8]) : 0;
  const ms = utcMs(year, month - 1, day) + ((hour * 60 + minute - offset) * 60 + second) * 1000 + fraction;
  return { ms, dateOnly: dateOnly !== null };
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone[0] === '-' ? -minutes : minutes;
}

function assertInRange(ms: number): void {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
    throw new RangeError('Date out of range');
  }
}

/** `2024-03-15T10:00:00.000Z`. */
export function isoDateTime(ms: number): string {
  assertInRange(ms);
  return new Date(ms).toISOString();
}

/** `2024-03-15`: the UTC calendar date of `ms`. */
export function isoDate(ms: number): string {
  assertInRange(ms);
  const iso = new Date(ms).toISOString();
  return iso.slice(0, iso.indexOf('T'));
}
