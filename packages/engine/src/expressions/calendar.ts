import { DAY_MS, parseDate } from './dates.ts';
import { addDuration, timePartMs } from './duration.ts';
import type { Duration, WorkCalendar } from './types.ts';

export interface WorkCalendarOptions {
  /** ISO weekdays that are working days, 1 = Monday … 7 = Sunday. Default Monday–Friday. */
  workdays?: number[];
  /** Start of the working day, `HH:MM` local time. Default `09:00`. */
  start?: string;
  /** End of the working day, `HH:MM` local time (`24:00` allowed). Default `18:00`. */
  end?: string;
  /** Non-working dates (`YYYY-MM-DD`, local), e.g. public holidays. */
  holidays?: string[];
  /** Dates worked although their weekday is not a working day (a Saturday moved by decree). */
  extraWorkdays?: string[];
  /** Dates worked but ending early, whatever their weekday (the day before a public holiday). */
  shortDays?: string[];
  /** How much earlier a short day ends, in minutes. Default 60 (Russian Labour Code, art. 95). */
  shortByMinutes?: number;
  /** The company's fixed offset from UTC in minutes (Moscow: 180). Default 0. */
  utcOffsetMinutes?: number;
}

/** A calendar made by `createWorkCalendar`: a `WorkCalendar` that also tells its UTC offset. */
export interface ConfiguredWorkCalendar extends WorkCalendar {
  readonly utcOffsetMinutes: number;
}

// Keeps every loop bounded: ~400 years of working days is beyond any business deadline.
const MAX_WORKING_DAYS = 100_000;
const MINUTE_MS = 60_000;

/**
 * A working-time calendar. Pure arithmetic on epoch milliseconds shifted by a fixed offset (no time
 * zone database, no daylight saving).
 *
 * `addWorkingTime(from, duration)`:
 * - Y/M parts move along the calendar first (`addDuration`).
 * - D and W parts count working days like a spreadsheet's WORKDAY: each one steps to the next working
 *   date, keeping the clock time clamped into working hours (Friday 17:00 + P1D = Monday 17:00,
 *   Saturday 12:00 + P1D = Monday 12:00). W = as many working days as the week pattern has (5 by default).
 * - H/M/S parts count working time: from the next working moment, skipping nights, weekends and
 *   holidays (Friday 17:00 + PT2H = Monday 10:00). A result exactly at the end of a working day stays
 *   there (Friday 17:00 + PT1H = Friday 18:00). A short day ends `shortByMinutes` early.
 * - A zero duration returns `from` unchanged; negative parts are rejected.
 *
 * `workingTimeBetween(from, to)` measures back: the working hours between two instants (a task given
 * Friday 17:00 and answered Monday 10:00 took 2 working hours), so `workingTimeBetween(t,
 * addWorkingTime(t, PT<n>M))` is n minutes.
 *
 * @example
 * const calendar = createWorkCalendar({ holidays: ['2024-05-01'], utcOffsetMinutes: 180 });
 * calendar.addWorkingTime(Date.parse('2024-04-30T14:00:00Z'), parseDuration('P1D')); // 2024-05-02T14:00Z
 * @throws RangeError for an invalid option or a calendar without working days.
 */
export function createWorkCalendar(options: WorkCalendarOptions = {}): ConfiguredWorkCalendar {
  const workdays = new Set(options.workdays ?? [1, 2, 3, 4, 5]);
  for (const day of workdays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new RangeError(`Work calendar: workdays must be ISO weekdays 1–7, got ${day}`);
    }
  }
  if (workdays.size === 0) throw new RangeError('Work calendar: there must be at least one working weekday');
  const start = clockMs(options.start ?? '09:00', 'start');
  const end = clockMs(options.end ?? '18:00', 'end');
  if (start >= end) throw new RangeError('Work calendar: start must be before end');
  const holidays = dayNumbers(options.holidays ?? [], 'holidays');
  const extraWorkdays = dayNumbers(options.extraWorkdays ?? [], 'extraWorkdays');
  const shortDays = dayNumbers(options.shortDays ?? [], 'shortDays');
  for (const day of holidays) {
    if (extraWorkdays.has(day)) {
      throw new RangeError(`Work calendar: ${isoOfDay(day)} is both a holiday and an extra workday`);
    }
    if (shortDays.has(day)) {
      throw new RangeError(`Work calendar: ${isoOfDay(day)} is both a holiday and a short day`);
    }
  }
  const shortMs = (options.shortByMinutes ?? 60) * MINUTE_MS;
  if (!Number.isInteger(shortMs) || shortMs < 0 || shortMs >= end - start) {
    throw new RangeError(
      'Work calendar: shortByMinutes must be a whole number of minutes shorter than the working day',
    );
  }
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
    throw new RangeError('Work calendar: utcOffsetMinutes must be a whole number of minutes within ±14 h');
  }
  const offsetMs = utcOffsetMinutes * MINUTE_MS;
  const workingDaysPerWeek = workdays.size;
  // Each holiday can cancel one occurrence of a working weekday, and one recurs at least every 7 days.
  const maxGap = 7 * (holidays.size + 1);

  const isWorkingLocalDay = (day: number): boolean =>
    extraWorkdays.has(day) || shortDays.has(day) || (!holidays.has(day) && workdays.has(isoWeekday(day)));
  const endOf = (day: number): number => (shortDays.has(day) ? end - shortMs : end);

  const nextWorkingDay = (day: number): number => {
    for (let next = day + 1; next <= day + maxGap; next++) if (isWorkingLocalDay(next)) return next;
    throw new Error('Work calendar invariant broken: no working day within the maximal gap');
  };

  return {
    utcOffsetMinutes,
    isWorkingDay: (at) => isWorkingLocalDay(Math.floor((at + offsetMs) / DAY_MS)),
    workingTimeBetween(from, to) {
      if (!Number.isFinite(from) || !Number.isFinite(to))
        throw new RangeError('Working time: not a finite instant');
      if (to <= from) return 0;
      // Working time of a local day between two clock times (ms since its midnight).
      const within = (day: number, lo: number, hi: number) =>
        isWorkingLocalDay(day) ? Math.max(0, Math.min(hi, endOf(day)) - Math.max(lo, start)) : 0;
      const first = Math.floor((from + offsetMs) / DAY_MS);
      const last = Math.floor((to + offsetMs) / DAY_MS);
      const clockOf = (at: number, day: number) => at + offsetMs - day * DAY_MS;
      if (first === last) return within(first, clockOf(from, first), clockOf(to, last));
      let total = within(first, clockOf(from, first), DAY_MS) + within(last, 0, clockOf(to, last));
      for (let day = first + 1; day < last; day++) total += within(day, 0, DAY_MS);
      return total;
    },
    addWorkingTime(from, duration) {
      const workingDays = checkedWorkingDays(duration, workingDaysPerWeek);
      let remaining = timePartMs(duration);
      if (workingDays + Math.ceil(remaining / (end - start)) > MAX_WORKING_DAYS) {
        throw new RangeError(`Working time too long: more than ${MAX_WORKING_DAYS} working days`);
      }
      if (!Number.isFinite(from)) throw new RangeError('Working time: the start is not a finite instant');
      if (workingDays === 0 && remaining === 0 && duration.years === 0 && duration.months === 0) return from;

      const local = addDuration(from, { ...ZERO, years: duration.years, months: duration.months }) + offsetMs;
      if (!Number.isFinite(local)) throw new RangeError('Working time: date out of range');
      let day = Math.floor(local / DAY_MS);
      let clock = local - day * DAY_MS;
      if (workingDays > 0) {
        for (let i = 0; i < workingDays; i++) day = nextWorkingDay(day);
        clock = Math.min(Math.max(clock, start), endOf(day));
      }
      // Move to the next working moment, then spend the time part day by day.
      if (!isWorkingLocalDay(day) || clock > endOf(day)) {
        day = nextWorkingDay(day);
        clock = start;
      } else if (clock < start) {
        clock = start;
      }
      while (remaining > endOf(day) - clock) {
        remaining -= endOf(day) - clock;
        day = nextWorkingDay(day);
        clock = start;
      }
      return day * DAY_MS + clock + remaining - offsetMs;
    },
  };
}

/** A date of a company calendar that is not an ordinary day of its weekday. */
export interface SpecialDay {
  /** `YYYY-MM-DD`, local. */
  date: string;
  /** Not worked; worked although its weekday is not; worked but ending `shortByMinutes` early. */
  kind: 'holiday' | 'workday' | 'short';
}

/** `createWorkCalendar` from the working week and a list of special days, as a company keeps them. */
export function calendarOfDays(
  options: Omit<WorkCalendarOptions, 'holidays' | 'extraWorkdays' | 'shortDays'>,
  days: readonly SpecialDay[],
): ConfiguredWorkCalendar {
  const of = (kind: SpecialDay['kind']) => days.filter((d) => d.kind === kind).map((d) => d.date);
  return createWorkCalendar({
    ...options,
    holidays: of('holiday'),
    extraWorkdays: of('workday'),
    shortDays: of('short'),
  });
}

const ZERO: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

function checkedWorkingDays(duration: Duration, workingDaysPerWeek: number): number {
  for (const [part, value] of Object.entries(duration)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Working time counts forward only: ${part} is ${value}`);
    }
  }
  const days = duration.days + duration.weeks * workingDaysPerWeek;
  if (!Number.isInteger(days) || !Number.isInteger(duration.years) || !Number.isInteger(duration.months)) {
    throw new RangeError('Working time: years, months, weeks and days must be whole numbers');
  }
  return days;
}

/** ISO weekday of a day number counted from 1970-01-01, which was a Thursday (4). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function clockMs(text: string, name: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) {
    throw new RangeError(`Work calendar: ${name} must be HH:MM, got '${text}'`);
  }
  return (hours * 60 + minutes) * MINUTE_MS;
}

function dayNumbers(dates: string[], name: string): Set<number> {
  const days = new Set<number>();
  for (const date of dates) {
    const invalid = new RangeError(`Work calendar: ${name} must be YYYY-MM-DD dates, got '${date}'`);
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid;
    try {
      days.add(parseDate(date).ms / DAY_MS);
    } catch {
      throw invalid;
    }
  }
  return days;
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
