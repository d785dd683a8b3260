import type { Environment, RegisteredFunctionHandler } from '@marcbachmann/cel-js';
import type { ConfiguredWorkCalendar } from './calendar.ts';
import { DAY_MS, isoDate, isoDateTime, parseDate } from './dates.ts';
import { addDuration, hasTimePart, parseDuration } from './duration.ts';
import { charge } from './limits.ts';
import type { EvaluationScope, WorkCalendar } from './types.ts';

/**
 * The business functions every expression may call, registered in one place. They are pure: the
 * only outside inputs are `scope.now` and `scope.calendar` of the evaluation running them.
 *
 * cel-js calls handlers with their arguments only, so the running scope sits in a slot that
 * `enterScope` / `leaveScope` set and restore around each evaluation. Evaluation is synchronous (no
 * handler is async), so the slot always holds the scope of the evaluation in progress, and the hot
 * path allocates nothing for it.
 */
let active: EvaluationScope | undefined;

/** Makes `scope` the one business functions see; returns the previous one for `leaveScope`. */
export function enterScope(scope: EvaluationScope): EvaluationScope | undefined {
  const previous = active;
  active = scope;
  return previous;
}

export function leaveScope(previous: EvaluationScope | undefined): void {
  active = previous;
}

function scope(): EvaluationScope {
  if (active === undefined) throw new Error('Business functions run only inside CompiledExpression.evaluate');
  return active;
}

/** The company's offset from UTC when the calendar tells it (calendars from `createWorkCalendar` do). */
function offsetMs(calendar: WorkCalendar | undefined): number {
  return ((calendar as Partial<ConfiguredWorkCalendar> | undefined)?.utcOffsetMinutes ?? 0) * 60_000;
}

export interface BusinessFunction {
  /** CEL signature, e.g. `dateAdd(string, string): string`. */
  signature: string;
  description: string;
  handler: RegisteredFunctionHandler;
}

function fn<A extends unknown[]>(
  signature: string,
  description: string,
  handler: (...args: A) => unknown,
): BusinessFunction {
  return { signature, description, handler: handler as RegisteredFunctionHandler };
}

const DIFF_UNITS: Record<'days' | 'hours' | 'minutes', number> = {
  days: DAY_MS,
  hours: 3_600_000,
  minutes: 60_000,
};

function dateAdd(date: string, duration: string): string {
  const from = parseDate(date);
  const parts = parseDuration(duration);
  const result = addDuration(from.ms, parts);
  return from.dateOnly && !hasTimePart(parts) ? isoDate(result) : isoDateTime(result);
}

function workDateAdd(date: string, duration: string): string {
  const calendar = scope().calendar;
  if (!calendar) throw new Error('workDateAdd needs a work calendar, and the evaluation scope has none');
  const from = parseDate(date);
  const parts = parseDuration(duration);
  // Working time is counted day by day: each day costs the evaluation a unit (a working day may be an hour).
  charge(parts.days + parts.weeks * 7 + parts.hours + parts.minutes / 60 + parts.seconds / 3600);
  const shift = offsetMs(calendar);
  // A calendar date starts at the company's local midnight, so the date survives any UTC offset.
  const result = calendar.addWorkingTime(from.dateOnly ? from.ms - shift : from.ms, parts);
  return from.dateOnly && !hasTimePart(parts) ? isoDate(result + shift) : isoDateTime(result);
}

function dateDiff(from: string, to: string, unit: string): bigint {
  if (!Object.hasOwn(DIFF_UNITS, unit)) {
    throw new RangeError(`dateDiff unit must be one of ${Object.keys(DIFF_UNITS).join(', ')}; got '${unit}'`);
  }
  const unitMs = DIFF_UNITS[unit as keyof typeof DIFF_UNITS];
  return BigInt(Math.trunc((parseDate(to).ms - parseDate(from).ms) / unitMs));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function formatMoney(amount: number | bigint, currency: string, locale = 'ru-RU'): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(Number(amount));
}

// A lowercase language subtag, optionally followed by region/script subtags: `ru`, `ru-RU`, `en-US`.
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const PATTERN_TOKEN = /yyyy|yy|MM|M|dd|d|HH|H|mm|ss/g;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(date: string, patternOrLocale?: string): string {
  const parsed = parseDate(date);
  // Date-times show the company's wall clock (the calendar's offset); a calendar date has no clock.
  const wallClock = new Date(parsed.dateOnly ? parsed.ms : parsed.ms + offsetMs(scope().calendar));
  const pattern = patternOrLocale ?? (parsed.dateOnly ? 'dd.MM.yyyy' : 'dd.MM.yyyy HH:mm');
  if (LOCALE.test(pattern)) return localeFormat(pattern, parsed.dateOnly).format(wallClock);
  return pattern.replace(PATTERN_TOKEN, (token) => PATTERN_PARTS[token]?.(wallClock) ?? token);
}

function localeFormat(locale: string, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${dateOnly}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: dateOnly ? undefined : 'short',
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Pattern tokens read from a Date whose UTC fields hold the wall clock to show. */
const PATTERN_PARTS: Record<string, (date: Date) => string> = {
  yyyy: (date) => pad(date.getUTCFullYear(), 4),
  yy: (date) => pad(date.getUTCFullYear() % 100),
  MM: (date) => pad(date.getUTCMonth() + 1),
  M: (date) => String(date.getUTCMonth() + 1),
  dd: (date) => pad(date.getUTCDate()),
  d: (date) => String(date.getUTCDate()),
  HH: (date) => pad(date.getUTCHours()),
  H: (date) => String(date.getUTCHours()),
  mm: (date) => pad(date.getUTCMinutes()),
  ss: (date) => pad(date.getUTCSeconds()),
};

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.keys(value).length === 0;
  }
  return false;
}

function coalesce(...values: unknown[]): unknown {
  for (const value of values) if (value !== null && value !== undefined) return value;
  return null;
}

/** Every business function with its CEL signature; the designer can list them for autocompletion. */
export const BUSINESS_FUNCTIONS: readonly BusinessFunction[] = [
  fn('now(): string', 'The current instant as an ISO date-time (UTC), e.g. 2024-03-15T10:00:00.000Z.', () =>
    isoDateTime(scope().now),
  ),
  fn('today(): string', "Today's date (YYYY-MM-DD) in the calendar's offset, UTC without a calendar.", () => {
    const { now, calendar } = scope();
    return isoDate(now + offsetMs(calendar));
  }),
  fn(
    'dateAdd(string, string): string',
    'A date plus an ISO duration (P3D, PT2H, P1M; -P1D subtracts). A date stays a date unless the duration has a time part.',
    dateAdd,
  ),
  fn(
    'workDateAdd(string, string): string',
    'A date plus an ISO duration counted in working time of the scope calendar (days as working days).',
    workDateAdd,
  ),
  fn(
    'dateDiff(string, string, string): int',
    'Whole days, hours or minutes from the first date to the second (negative when the second is earlier).',
    dateDiff,
  ),
  fn('daysSince(string): int', 'Whole days from the date until now.', (date: string) =>
    BigInt(Math.trunc((scope().now - parseDate(date).ms) / DAY_MS)),
  ),
  ...['double', 'int'].flatMap((number) => [
    fn(
      `formatMoney(${number}, string): string`,
      'An amount in a currency, ru-RU style: 1 500,00 ₽.',
      formatMoney,
    ),
    fn(
      `formatMoney(${number}, string, string): string`,
      'An amount in a currency and locale: formatMoney(1500, "USD", "en-US") = $1,500.00.',
      formatMoney,
    ),
  ]),
  fn('formatDate(string): string', 'A date as dd.MM.yyyy, a date-time as dd.MM.yyyy HH:mm.', formatDate),
  fn(
    'formatDate(string, string): string',
    'A date by pattern (yyyy yy MM M dd d HH H mm ss) or, given a locale such as "ru-RU", in its long style.',
    formatDate,
  ),
  fn('isEmpty(dyn): bool', 'True for null, a blank string, an empty list or an empty map.', isEmpty),
  fn('coalesce(dyn, dyn): dyn', 'The first argument that is not null.', coalesce),
  fn('coalesce(dyn, dyn, dyn): dyn', 'The first argument that is not null.', coalesce),
];

export function registerBusinessFunctions(env: Environment): void {
  for (const { signature, description, handler } of BUSINESS_FUNCTIONS) {
    env.registerFunction(signature, handler, { description });
  }
}
