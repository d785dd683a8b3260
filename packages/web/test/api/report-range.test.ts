import { describe, expect, it } from 'vitest';
import { datesOf, isDateRange, rangeQuery } from '../../src/api/report-range.ts';

const NOW = Date.parse('2026-05-20T12:00:00Z');
const DAY = 86_400_000;

describe("a report's range as its query", () => {
  it('is the days back from now for the last days, leaving the end to the server', () => {
    expect(rangeQuery({ kind: 'last', days: 30 }, NOW)).toEqual({
      from: new Date(NOW - 30 * DAY).toISOString(),
    });
  });

  it('runs from the first day’s local midnight to the midnight after the last day', () => {
    const query = rangeQuery({ kind: 'dates', from: '2026-03-01', to: '2026-03-31' }, NOW);
    const from = new Date(query.from);
    const to = new Date(query.to ?? '');
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([2026, 2, 1, 0]);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours()]).toEqual([2026, 3, 1, 0]);
  });

  it('covers a single day when it starts and ends on it', () => {
    const query = rangeQuery({ kind: 'dates', from: '2026-12-31', to: '2026-12-31' }, NOW);
    expect(new Date(query.to ?? '').getFullYear()).toBe(2027);
    expect(Date.parse(query.to ?? '') - Date.parse(query.from)).toBe(DAY);
  });
});

describe('dates to start choosing from', () => {
  it('are the days the last-days range shows, today its end', () => {
    const today = new Date(NOW);
    const start = new Date(NOW - 90 * DAY);
    const day = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(datesOf({ kind: 'last', days: 90 }, NOW)).toEqual({ from: day(start), to: day(today) });
  });

  it('are the chosen dates themselves once chosen', () => {
    expect(datesOf({ kind: 'dates', from: '2026-01-01', to: '2026-01-31' }, NOW)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });
});

describe('two days as a range', () => {
  it('needs both days, the end not before the start', () => {
    expect(isDateRange('2026-01-01', '2026-01-31')).toBe(true);
    expect(isDateRange('2026-01-31', '2026-01-31')).toBe(true);
    expect(isDateRange('2026-02-01', '2026-01-31')).toBe(false);
    expect(isDateRange('', '2026-01-31')).toBe(false);
    expect(isDateRange('2026-01-01', '')).toBe(false);
  });
});
