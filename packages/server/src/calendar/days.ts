import type { SpecialDay } from '@baton/engine';

/**
 * What a date of the company calendar can be besides an ordinary day of its weekday:
 * - `holiday`: not worked (a public holiday, or a day off moved by decree);
 * - `workday`: worked although its weekday is not (a Saturday moved by decree);
 * - `short`: worked, an hour shorter (the day before a holiday), whatever its weekday; working-time
 *   deadlines end that day an hour early.
 */
export const DAY_KINDS = ['holiday', 'workday', 'short'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDay extends SpecialDay {
  name?: string | null;
}

/** The company's working week, hours and offset from UTC (no daylight saving: Russia has none). */
export interface CalendarSettings {
  /** ISO weekdays worked, 1 = Monday … 7 = Sunday. */
  workdays: number[];
  /** `HH:MM` local. */
  start: string;
  end: string;
  utcOffsetMinutes: number;
}

/** Monday to Friday, 09:00–18:00, Moscow time: what a new installation starts with. */
export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  workdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  utcOffsetMinutes: 180,
};
