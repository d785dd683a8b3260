/** The periods a report offers at once, in days back from now. */
export const REPORT_PERIODS = [30, 90, 365] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/**
 * What a report covers: the last days up to now, or whole calendar days in the reader's time zone
 * (`YYYY-MM-DD`, both ends included). A `dates` range is whole by construction: the picker hands one
 * out only once its end is not before its start.
 */
export type ReportRange = { kind: 'last'; days: ReportPeriod } | { kind: 'dates'; from: string; to: string };

export const DEFAULT_RANGE: ReportRange = { kind: 'last', days: 90 };

const DAY = 24 * 3_600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Local midnight at the start of a `YYYY-MM-DD` day, `after` days later. */
function midnight(date: string, after = 0): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day + after);
}

const dayOf = (time: Date) =>
  [time.getFullYear(), time.getMonth() + 1, time.getDate()].map((n) => String(n).padStart(2, '0')).join('-');

/** Whether two `YYYY-MM-DD` days make a range: both given, the end not before the start. */
export function isDateRange(from: string, to: string): boolean {
  return DATE.test(from) && DATE.test(to) && from <= to;
}

/**
 * The range as the reports' `from` / `to` query (the server's `to` is exclusive, so a last day runs to
 * the next midnight); a `last` range leaves `to` to the server's now.
 */
export function rangeQuery(range: ReportRange, now: number): { from: string; to?: string } {
  if (range.kind === 'last') return { from: new Date(now - range.days * DAY).toISOString() };
  return { from: midnight(range.from).toISOString(), to: midnight(range.to, 1).toISOString() };
}

/** The days a range covers, to start choosing dates from what was shown. */
export function datesOf(range: ReportRange, now: number): { from: string; to: string } {
  if (range.kind === 'dates') return { from: range.from, to: range.to };
  return { from: dayOf(new Date(now - range.days * DAY)), to: dayOf(new Date(now)) };
}
