import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeekday,
  monthWeeks,
  sameDays,
  statusOf,
  withDay,
} from '../../src/admin/calendar/days.ts';

describe('the calendar year view', () => {
  it('lays a month out in weeks from Monday, blanks outside the month', () => {
    // June 2026 starts on a Monday and has 30 days: five weeks, the last one mostly blank.
    const june = monthWeeks(2026, 5);
    expect(june).toHaveLength(5);
    expect(june[0]).toEqual([
      '2026-06-01',
      '2026-06-02',
      '2026-06-03',
      '2026-06-04',
      '2026-06-05',
      '2026-06-06',
      '2026-06-07',
    ]);
    expect(june[4]).toEqual(['2026-06-29', '2026-06-30', null, null, null, null, null]);
    // February 2026 starts on a Sunday: six blanks first.
    expect(monthWeeks(2026, 1)[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
  });

  it('moves across months and years by whole days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-05', -7)).toBe('2025-12-29');
    expect(isoWeekday('2026-06-15')).toBe(1);
    expect(isoWeekday('2026-06-21')).toBe(7);
  });

  it('tells what a day is: special kinds first, else the working week', () => {
    const special = new Map([
      ['2026-06-12', { date: '2026-06-12', kind: 'holiday' as const, name: 'Russia Day' }],
    ]);
    const week = [1, 2, 3, 4, 5];
    expect(statusOf('2026-06-12', special, week)).toBe('holiday');
    expect(statusOf('2026-06-15', special, week)).toBe('ordinary');
    expect(statusOf('2026-06-13', special, week)).toBe('weekend');
  });

  it('sets a day, replaces it, and removes it back to ordinary, keeping the list sorted', () => {
    const days = withDay(
      [{ date: '2026-06-12', kind: 'holiday', name: 'Russia Day' }],
      '2026-06-11',
      'short',
      ' ',
    );
    expect(days).toEqual([
      { date: '2026-06-11', kind: 'short', name: null },
      { date: '2026-06-12', kind: 'holiday', name: 'Russia Day' },
    ]);
    const replaced = withDay(days, '2026-06-11', 'holiday', 'Company day');
    expect(replaced[0]).toEqual({ date: '2026-06-11', kind: 'holiday', name: 'Company day' });
    expect(withDay(replaced, '2026-06-11', 'ordinary', '')).toEqual([
      { date: '2026-06-12', kind: 'holiday', name: 'Russia Day' },
    ]);
    expect(sameDays(days, [...days].reverse())).toBe(true);
    expect(sameDays(days, replaced)).toBe(false);
  });
});
