import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type Duration, parseDuration } from '../../src/expressions/index.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('default calendar: Monday–Friday 09:00–18:00 UTC', () => {
  const calendar = createWorkCalendar();
  const add = (from: string, duration: string) =>
    iso(calendar.addWorkingTime(at(from), parseDuration(duration)));

  it('carries hours over the weekend: Friday 17:00 + PT2H = Monday 10:00', () => {
    expect(add('2024-03-15T17:00:00Z', 'PT2H')).toBe('2024-03-18T10:00:00.000Z');
  });

  it('ends at the close of the day when the time fits exactly', () => {
    expect(add('2024-03-15T17:00:00Z', 'PT1H')).toBe('2024-03-15T18:00:00.000Z');
  });

  it('skips nights', () => {
    expect(add('2024-03-12T16:00:00Z', 'PT4H')).toBe('2024-03-13T11:00:00.000Z');
    expect(add('2024-03-12T09:00:00Z', 'PT20H')).toBe('2024-03-14T11:00:00.000Z');
  });

  it('starts counting hours at the next working moment', () => {
    expect(add('2024-03-16T12:00:00Z', 'PT1H')).toBe('2024-03-18T10:00:00.000Z');
    expect(add('2024-03-18T07:00:00Z', 'PT1H')).toBe('2024-03-18T10:00:00.000Z');
    expect(add('2024-03-18T20:00:00Z', 'PT30M')).toBe('2024-03-19T09:30:00.000Z');
  });

  it('counts days as working days, keeping the clock time', () => {
    expect(add('2024-03-15T17:00:00Z', 'P1D')).toBe('2024-03-18T17:00:00.000Z');
    expect(add('2024-03-13T10:00:00Z', 'P3D')).toBe('2024-03-18T10:00:00.000Z');
  });

  it('clamps the clock time into working hours when counting days', () => {
    expect(add('2024-03-16T12:00:00Z', 'P1D')).toBe('2024-03-18T12:00:00.000Z');
    expect(add('2024-03-15T19:00:00Z', 'P1D')).toBe('2024-03-18T18:00:00.000Z');
    expect(add('2024-03-15T06:00:00Z', 'P1D')).toBe('2024-03-18T09:00:00.000Z');
  });

  it('counts a week as five working days', () => {
    expect(add('2024-03-11T10:00:00Z', 'P1W')).toBe('2024-03-18T10:00:00.000Z');
    expect(add('2024-03-11T10:00:00Z', 'P1W1D')).toBe('2024-03-19T10:00:00.000Z');
  });

  it('adds days, then hours', () => {
    expect(add('2024-03-15T17:00:00Z', 'P1DT2H')).toBe('2024-03-19T10:00:00.000Z');
  });

  it('moves months on the calendar, then to the next working moment', () => {
    expect(add('2024-01-15T10:00:00Z', 'P1M')).toBe('2024-02-15T10:00:00.000Z');
    expect(add('2024-02-16T10:00:00Z', 'P1M')).toBe('2024-03-18T09:00:00.000Z');
  });

  it('returns the start for a zero duration', () => {
    expect(add('2024-03-16T12:00:00Z', 'PT0S')).toBe('2024-03-16T12:00:00.000Z');
  });

  it('tells working days', () => {
    expect(calendar.isWorkingDay(at('2024-03-15T23:59:00Z'))).toBe(true);
    expect(calendar.isWorkingDay(at('2024-03-16T12:00:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(at('2024-03-17T12:00:00Z'))).toBe(false);
  });

  it('rejects negative and absurdly long durations', () => {
    expect(() => calendar.addWorkingTime(0, parseDuration('-P1D'))).toThrow(
      'Working time counts forward only',
    );
    expect(() => calendar.addWorkingTime(0, parseDuration('P1000000D'))).toThrow('Working time too long');
  });
});

describe('holidays and extra workdays', () => {
  const calendar = createWorkCalendar({
    holidays: ['2024-05-01', '2024-05-09', '2024-05-10'],
    extraWorkdays: ['2024-04-27'],
  });
  const add = (from: string, duration: string) =>
    iso(calendar.addWorkingTime(at(from), parseDuration(duration)));

  it('skips a holiday when counting days: Tuesday + P1D over Wednesday 1 May = Thursday', () => {
    expect(add('2024-04-30T10:00:00Z', 'P1D')).toBe('2024-05-02T10:00:00.000Z');
  });

  it('skips holidays next to a weekend', () => {
    expect(add('2024-05-08T14:00:00Z', 'P1D')).toBe('2024-05-13T14:00:00.000Z');
    expect(add('2024-05-08T17:00:00Z', 'PT2H')).toBe('2024-05-13T10:00:00.000Z');
  });

  it('works an extra workday on a Saturday', () => {
    expect(add('2024-04-26T10:00:00Z', 'P1D')).toBe('2024-04-27T10:00:00.000Z');
    expect(calendar.isWorkingDay(at('2024-04-27T12:00:00Z'))).toBe(true);
    expect(calendar.isWorkingDay(at('2024-05-01T12:00:00Z'))).toBe(false);
  });
});

describe('offset and custom hours', () => {
  it('counts in local time at a fixed offset', () => {
    const moscow = createWorkCalendar({ utcOffsetMinutes: 180 });
    // Friday 17:00 Moscow + PT2H = Monday 10:00 Moscow.
    expect(iso(moscow.addWorkingTime(at('2024-03-15T14:00:00Z'), parseDuration('PT2H')))).toBe(
      '2024-03-18T07:00:00.000Z',
    );
    // 01:00 Saturday in Moscow is still Friday in UTC.
    expect(moscow.isWorkingDay(at('2024-03-15T22:00:00Z'))).toBe(false);
    expect(moscow.utcOffsetMinutes).toBe(180);
  });

  it('uses the configured hours and week, a week being as many days as the pattern has', () => {
    const shop = createWorkCalendar({ workdays: [1, 2, 3, 4, 5, 6], start: '10:00', end: '16:00' });
    expect(iso(shop.addWorkingTime(at('2024-03-16T15:00:00Z'), parseDuration('PT2H')))).toBe(
      '2024-03-18T11:00:00.000Z',
    );
    expect(iso(shop.addWorkingTime(at('2024-03-11T12:00:00Z'), parseDuration('P1W')))).toBe(
      '2024-03-18T12:00:00.000Z',
    );
  });
});

describe('invalid calendars', () => {
  it.each([
    [{ workdays: [] }, 'at least one working weekday'],
    [{ workdays: [0] }, 'ISO weekdays 1–7'],
    [{ start: '18:00', end: '09:00' }, 'start must be before end'],
    [{ start: '9:00' }, "start must be HH:MM, got '9:00'"],
    [{ holidays: ['2024-02-30'] }, "holidays must be YYYY-MM-DD dates, got '2024-02-30'"],
    [{ holidays: ['2024-04-27'], extraWorkdays: ['2024-04-27'] }, 'both a holiday and an extra workday'],
    [{ utcOffsetMinutes: 1000 }, 'within ±14 h'],
  ])('rejects %j', (options, message) => {
    expect(() => createWorkCalendar(options)).toThrow(message);
  });
});

describe('properties', () => {
  const DAY = 86_400_000;
  const calendarOptions = fc.record({
    workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    holidays: fc.uniqueArray(
      fc.integer({ min: 19_700, max: 19_800 }).map((day) => new Date(day * DAY).toISOString().slice(0, 10)),
      { maxLength: 30 },
    ),
    utcOffsetMinutes: fc.integer({ min: -720, max: 840 }),
  });
  const duration: fc.Arbitrary<Duration> = fc
    .record({
      years: fc.constant(0),
      months: fc.integer({ min: 0, max: 3 }),
      weeks: fc.integer({ min: 0, max: 4 }),
      days: fc.integer({ min: 0, max: 30 }),
      hours: fc.integer({ min: 0, max: 100 }),
      minutes: fc.integer({ min: 0, max: 600 }),
      seconds: fc.integer({ min: 0, max: 3600 }),
    })
    .filter((d) => Object.values(d).some((part) => part > 0));
  const from = fc.integer({ min: 19_700 * DAY, max: 19_800 * DAY });

  it('lands at or after the start, on a working day, within working hours', () => {
    fc.assert(
      fc.property(calendarOptions, from, duration, (options, start, d) => {
        const calendar = createWorkCalendar(options);
        const result = calendar.addWorkingTime(start, d);
        const local = result + options.utcOffsetMinutes * 60_000;
        const clock = local - Math.floor(local / DAY) * DAY;
        expect(result).toBeGreaterThanOrEqual(start);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(clock).toBeGreaterThanOrEqual(9 * 3_600_000);
        expect(clock).toBeLessThanOrEqual(18 * 3_600_000);
      }),
      { numRuns: 500 },
    );
  });

  it('grows with the duration', () => {
    fc.assert(
      fc.property(
        from,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        (start, a, b) => {
          const calendar = createWorkCalendar();
          const hours = (minutes: number) => calendar.addWorkingTime(start, { ...ZERO, minutes });
          expect(hours(Math.min(a, b))).toBeLessThanOrEqual(hours(Math.max(a, b)));
        },
      ),
    );
  });
});

describe('working time between two instants', () => {
  const HOUR = 3_600_000;
  const calendar = createWorkCalendar({
    holidays: ['2024-03-19'],
    shortDays: ['2024-03-18'],
    utcOffsetMinutes: 180,
  });
  const between = (from: string, to: string) => calendar.workingTimeBetween(at(from), at(to)) / HOUR;

  it('counts working hours only: nights, weekends and holidays are free, a short day ends early', () => {
    // Friday 17:00 Moscow → Monday 10:00: an hour on Friday, one on Monday.
    expect(between('2024-03-15T14:00:00Z', '2024-03-18T07:00:00Z')).toBe(2);
    // Monday (short: to 17:00) 16:00 → Wednesday 10:00, Tuesday a holiday: 1 + 1.
    expect(between('2024-03-18T13:00:00Z', '2024-03-20T07:00:00Z')).toBe(2);
    expect(between('2024-03-20T06:00:00Z', '2024-03-20T16:00:00Z')).toBe(9);
    expect(between('2024-03-16T06:00:00Z', '2024-03-17T16:00:00Z')).toBe(0);
    expect(between('2024-03-20T10:00:00Z', '2024-03-20T09:00:00Z')).toBe(0);
    expect(() => calendar.workingTimeBetween(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('measures back what addWorkingTime added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 19_700 * 86_400_000, max: 19_800 * 86_400_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (start, minutes) => {
          const end = calendar.addWorkingTime(start, { ...ZERO, minutes });
          expect(calendar.workingTimeBetween(start, end)).toBe(minutes * 60_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

const ZERO: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('short days: the day before a holiday ends an hour early', () => {
  // 2026: Thursday 30 April is short, 1 May a holiday; Saturday 2 May made a short working day here.
  const calendar = createWorkCalendar({ holidays: ['2026-05-01'], shortDays: ['2026-04-30', '2026-05-02'] });
  const add = (from: string, duration: string) =>
    iso(calendar.addWorkingTime(at(from), parseDuration(duration)));

  it('counts hours only up to 17:00 on a short day', () => {
    expect(add('2026-04-30T16:00:00Z', 'PT1H')).toBe('2026-04-30T17:00:00.000Z');
    expect(add('2026-04-30T16:00:00Z', 'PT2H')).toBe('2026-05-02T10:00:00.000Z');
    expect(add('2026-04-30T17:30:00Z', 'PT1H')).toBe('2026-05-02T10:00:00.000Z');
  });

  it('works a short day even on a weekend, and clamps a kept clock time to its early end', () => {
    expect(calendar.isWorkingDay(at('2026-05-02T12:00:00Z'))).toBe(true);
    expect(add('2026-04-29T17:30:00Z', 'P1D')).toBe('2026-04-30T17:00:00.000Z');
  });

  it('takes another shortening, and refuses one that leaves no working time or a short holiday', () => {
    const two = createWorkCalendar({ shortDays: ['2026-04-30'], shortByMinutes: 120 });
    expect(iso(two.addWorkingTime(at('2026-04-30T15:00:00Z'), parseDuration('PT1H')))).toBe(
      '2026-04-30T16:00:00.000Z',
    );
    expect(() => createWorkCalendar({ shortDays: ['2026-04-30'], shortByMinutes: 540 })).toThrow(
      /shortByMinutes/,
    );
    expect(() => createWorkCalendar({ holidays: ['2026-05-01'], shortDays: ['2026-05-01'] })).toThrow(
      /2026-05-01 is both a holiday and a short day/,
    );
  });
});
