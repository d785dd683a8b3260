import { describe, expect, it } from 'vitest';
import { deadlineGroupOf, groupByDeadline, isOverdue } from '../../src/crm-activities/deadline-groups.ts';
import { activity } from './fixtures.ts';

// 2026-05-12 22:30 in Moscow (UTC+3), 19:30 UTC; still the 12th in New York (UTC−4).
const NOW = Date.parse('2026-05-12T19:30:00.000Z');
const MOSCOW = 'Europe/Moscow';

describe('an activity by its deadline', () => {
  it('is overdue while open past its deadline, not once done', () => {
    const late = activity({ dueAt: '2026-05-12T19:00:00.000Z' });
    expect(isOverdue(late, NOW)).toBe(true);
    expect(isOverdue({ ...late, doneAt: '2026-05-12T19:10:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue(activity({ dueAt: '2026-05-12T19:30:00.000Z' }), NOW)).toBe(false);
  });

  it('is today until midnight in the reader’s time zone, later after it', () => {
    // 23:59 and 00:00 in Moscow.
    expect(deadlineGroupOf(activity({ dueAt: '2026-05-12T20:59:00.000Z' }), NOW, MOSCOW)).toBe('today');
    expect(deadlineGroupOf(activity({ dueAt: '2026-05-12T21:00:00.000Z' }), NOW, MOSCOW)).toBe('later');
  });

  it('falls on the day of the zone it is read in', () => {
    // 01:00 on the 13th in Moscow is 21:00 on the 12th in New York.
    const tonight = activity({ dueAt: '2026-05-12T22:00:00.000Z' });
    expect(deadlineGroupOf(tonight, NOW, MOSCOW)).toBe('later');
    expect(deadlineGroupOf(tonight, NOW, 'America/New_York')).toBe('today');
  });
});

describe('my open activities grouped', () => {
  it('are Overdue, Today and Later in that order, each in the order given, empty groups left out', () => {
    const items = [
      activity({ id: 'late', dueAt: '2026-05-11T08:00:00.000Z' }),
      activity({ id: 'soon', dueAt: '2026-05-12T20:00:00.000Z' }),
      activity({ id: 'tomorrow', dueAt: '2026-05-13T07:00:00.000Z' }),
      activity({ id: 'next week', dueAt: '2026-05-19T07:00:00.000Z' }),
    ];
    expect(
      groupByDeadline(items, NOW, MOSCOW).map((g) => ({ group: g.group, ids: g.items.map((a) => a.id) })),
    ).toEqual([
      { group: 'overdue', ids: ['late'] },
      { group: 'today', ids: ['soon'] },
      { group: 'later', ids: ['tomorrow', 'next week'] },
    ]);
    expect(groupByDeadline(items.slice(2), NOW, MOSCOW).map((g) => g.group)).toEqual(['later']);
    expect(groupByDeadline([], NOW, MOSCOW)).toEqual([]);
  });
});
