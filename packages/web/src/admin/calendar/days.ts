import type { CalendarDay } from '../../api/calendar.ts';

/**
 * The calendar year as dates (`YYYY-MM-DD`, the company's local dates, computed in UTC so the browser's
 * own time zone never shifts a day) and what each date is.
 */

export type SpecialKind = CalendarDay['kind'];
/** What a date is: a special kind, or as its weekday says (`workday` there means a moved working day). */
export type DayStatus = SpecialKind | 'ordinary' | 'weekend';

export const SPECIAL_KINDS: readonly SpecialKind[] = ['holiday', 'workday', 'short'];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((utc(date).getUTCDay() + 6) % 7) + 1;
}

/** Moves a date by whole days. */
export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** A month (0-based) as weeks of seven cells, Monday first; cells outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = iso(new Date(Date.UTC(year, month, 1)));
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let day = 0; day < length; day++) cells.push(addDays(first, day));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** What the date is, given the special days and the working weekdays. */
export function statusOf(
  date: string,
  special: ReadonlyMap<string, CalendarDay>,
  workdays: readonly number[],
): DayStatus {
  const day = special.get(date);
  if (day) return day.kind;
  return workdays.includes(isoWeekday(date)) ? 'ordinary' : 'weekend';
}

/** The days with one date set to a special kind, or removed (`ordinary`), sorted by date. */
export function withDay(
  days: readonly CalendarDay[],
  date: string,
  kind: SpecialKind | 'ordinary',
  name: string,
): CalendarDay[] {
  const rest = days.filter((d) => d.date !== date);
  const next = kind === 'ordinary' ? rest : [...rest, { date, kind, name: name.trim() || null }];
  return next.sort((a, b) => a.date.localeCompare(b.date));
}

const dayKey = (d: CalendarDay | undefined) => (d ? `${d.date} ${d.kind} ${d.name ?? ''}` : '');

/** Whether a date is the same in both (both absent counts as the same). */
export function sameDay(a: CalendarDay | undefined, b: CalendarDay | undefined): boolean {
  return dayKey(a) === dayKey(b);
}

/** Whether two lists hold the same special days (order aside). */
export function sameDays(a: readonly CalendarDay[], b: readonly CalendarDay[]): boolean {
  const key = (list: readonly CalendarDay[]) => list.map(dayKey).sort().join('\n');
  return key(a) === key(b);
}
