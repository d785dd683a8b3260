import { utcMs } from './dates.ts';
import type { Duration } from './types.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Fixed lengths used where a duration must become a plain number of milliseconds. */
const PART_MS: Record<keyof Duration, number> = {
  years: 365 * DAY,
  months: 30 * DAY,
  weeks: 7 * DAY,
  days: DAY,
  hours: HOUR,
  minutes: MINUTE,
  seconds: SECOND,
};

// Date parts are whole numbers (a fractional month has no calendar meaning); time parts may carry a
// decimal fraction with '.' or ',' as ISO 8601 allows.
const ISO_DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const PART_ORDER = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/**
 * Parses an ISO 8601 duration such as `P3D`, `PT2H30M`, `P1Y2M` or `P1W2DT0.5S`.
 * A leading `-` negates every part. Letters are case-insensitive.
 *
 * @example parseDuration('P1DT12H') // { years: 0, months: 0, weeks: 0, days: 1, hours: 12, minutes: 0, seconds: 0 }
 * @throws RangeError naming the input when it is not an ISO 8601 duration.
 */
export function parseDuration(iso: string): Duration {
  const text = typeof iso === 'string' ? iso.trim().toUpperCase() : '';
  const match = ISO_DURATION.exec(text);
  if (!match || text.endsWith('T') || match.slice(2).every((part) => part === undefined)) {
    throw new RangeError(`Not an ISO 8601 duration: '${String(iso)}' (expected e.g. P3D, PT2H30M, P1Y2M)`);
  }
  const sign = match[1] ? -1 : 1;
  const parts = {} as Duration;
  PART_ORDER.forEach((name, i) => {
    const value = Number((match[i + 2] ?? '0').replace(',', '.'));
    if (!Number.isSafeInteger(Math.trunc(value))) {
      throw new RangeError(`Duration part too large in '${iso}'`);
    }
    parts[name] = value === 0 ? 0 : sign * value;
  });
  return parts;
}

/** Whether the duration has an hour, minute or second part. */
export function hasTimePart(d: Duration): boolean {
  return d.hours !== 0 || d.minutes !== 0 || d.seconds !== 0;
}

/** Milliseconds of the H/M/S parts alone. */
export function timePartMs(d: Duration): number {
  return Math.round(d.hours * HOUR + d.minutes * MINUTE + d.seconds * SECOND);
}

/**
 * The duration in milliseconds with fixed part lengths: D = 24 h, W = 7 D, M = 30 D, Y = 365 D.
 * Use `addDuration` when the months and years should follow the calendar.
 *
 * @example durationToMs(parseDuration('P1DT1H')) // 90_000_000
 */
export function durationToMs(d: Duration): number {
  let ms = 0;
  for (const name of PART_ORDER) ms += d[name] * PART_MS[name];
  return Math.round(ms);
}

/** The shortest period a timer cycle or a wait's `checkEvery` may repeat at: shorter ones keep the job worker busy with one instance. */
export const MIN_REPEAT_MS = SECOND;
/** The longest a process may wait for (timers, deadlines, waits): longer is a typo, and past dates JavaScript can hold. */
export const MAX_WAIT_MS = 1000 * PART_MS.years;

/**
 * Parses an ISO 8601 duration a process waits for, refusing one longer than 1,000 years (either way)
 * and, when it `repeats`, one shorter than a second.
 *
 * @throws RangeError naming the input and what is wrong with it.
 */
export function parseWait(iso: string, repeats = false): Duration {
  const duration = parseDuration(iso);
  const ms = Math.abs(durationToMs(duration));
  if (ms > MAX_WAIT_MS) throw new RangeError(`'${iso}' is longer than 1,000 years`);
  if (repeats && ms < MIN_REPEAT_MS) throw new RangeError(`'${iso}' repeats more often than once a second`);
  return duration;
}

/**
 * `fromMs` plus the duration on the UTC calendar: years and months move the calendar month and keep
 * the day, clamped to the month's last day (Jan 31 + P1M = Feb 29 in a leap year); the other parts
 * are exact lengths (UTC has no daylight saving, so a day is always 24 h).
 *
 * @example addDuration(Date.UTC(2024, 0, 31), parseDuration('P1M')) === Date.UTC(2024, 1, 29)
 */
export function addDuration(fromMs: number, d: Duration): number {
  let ms = fromMs;
  if (d.years !== 0 || d.months !== 0) {
    const from = new Date(fromMs);
    const year = from.getUTCFullYear();
    const month = from.getUTCMonth();
    const day = from.getUTCDate();
    const timeOfDay = fromMs - utcMs(year, month, day);
    const target = year * 12 + month + d.years * 12 + d.months;
    const targetYear = Math.floor(target / 12);
    const targetMonth = target - targetYear * 12;
    const lastDay = new Date(utcMs(targetYear, targetMonth + 1, 0)).getUTCDate();
    ms = utcMs(targetYear, targetMonth, Math.min(day, lastDay)) + timeOfDay;
  }
  return ms + Math.round((d.weeks * 7 + d.days) * DAY) + timePartMs(d);
}

/**
 * Milliseconds as an ISO 8601 duration with hours as the largest unit, the way CEL `duration` values
 * leave an expression: 5_400_000 → `PT1H30M`, 1_500 → `PT1.5S`, 0 → `PT0S`, negative → `-PT…`.
 */
export function formatDurationMs(totalMs: number): string {
  const sign = totalMs < 0 ? '-' : '';
  let rest = Math.abs(totalMs);
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = rest / SECOND;
  let text = '';
  if (hours) text += `${hours}H`;
  if (minutes) text += `${minutes}M`;
  if (seconds || !text) text += `${Number(seconds.toFixed(9))}S`;
  return `${sign}PT${text}`;
}
