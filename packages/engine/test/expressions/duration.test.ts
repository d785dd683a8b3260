import { describe, expect, it } from 'vitest';
import { addDuration, durationToMs, parseDuration } from '../../src/expressions/index.ts';

const ZERO = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseDuration', () => {
  it('reads every part', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });

  it('reads single parts, fractions and lower case', () => {
    expect(parseDuration('P3D')).toEqual({ ...ZERO, days: 3 });
    expect(parseDuration('PT2H30M')).toEqual({ ...ZERO, hours: 2, minutes: 30 });
    expect(parseDuration('PT1.5S')).toEqual({ ...ZERO, seconds: 1.5 });
    expect(parseDuration('PT0,5H')).toEqual({ ...ZERO, hours: 0.5 });
    expect(parseDuration('pt15m')).toEqual({ ...ZERO, minutes: 15 });
  });

  it('negates every part after a leading minus', () => {
    expect(parseDuration('-P1DT2H')).toEqual({ ...ZERO, days: -1, hours: -2 });
  });

  it.each(['', 'P', 'PT', '3D', 'P1.5D', 'PT1D', 'P1H', 'P1DT', 'P-1D', 'garbage'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(`Not an ISO 8601 duration: '${text}'`);
  });
});

describe('durationToMs', () => {
  it('uses fixed part lengths', () => {
    const day = 86_400_000;
    expect(durationToMs(parseDuration('P1D'))).toBe(day);
    expect(durationToMs(parseDuration('P1W'))).toBe(7 * day);
    expect(durationToMs(parseDuration('P1M'))).toBe(30 * day);
    expect(durationToMs(parseDuration('P1Y'))).toBe(365 * day);
    expect(durationToMs(parseDuration('PT1H1M1.5S'))).toBe(3_661_500);
  });
});

describe('addDuration', () => {
  const at = (iso: string) => Date.parse(iso);

  it('adds months on the calendar, clamping to the end of the month', () => {
    expect(addDuration(at('2024-01-31T10:00:00Z'), parseDuration('P1M'))).toBe(at('2024-02-29T10:00:00Z'));
    expect(addDuration(at('2023-01-31T00:00:00Z'), parseDuration('P1M'))).toBe(at('2023-02-28T00:00:00Z'));
    expect(addDuration(at('2024-11-30T00:00:00Z'), parseDuration('P3M'))).toBe(at('2025-02-28T00:00:00Z'));
  });

  it('adds years, keeping Feb 29 only in leap years', () => {
    expect(addDuration(at('2024-02-29T00:00:00Z'), parseDuration('P1Y'))).toBe(at('2025-02-28T00:00:00Z'));
    expect(addDuration(at('2024-02-29T00:00:00Z'), parseDuration('P4Y'))).toBe(at('2028-02-29T00:00:00Z'));
  });

  it('subtracts with a negative duration', () => {
    expect(addDuration(at('2024-03-31T00:00:00Z'), parseDuration('-P1M'))).toBe(at('2024-02-29T00:00:00Z'));
  });

  it('adds days, weeks and time as exact lengths', () => {
    expect(addDuration(at('2024-03-15T10:00:00Z'), parseDuration('P1W2DT3H30M'))).toBe(
      at('2024-03-24T13:30:00Z'),
    );
  });
});
