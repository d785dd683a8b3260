import { calendarOfDays, type WorkCalendar } from '@baton/engine';
import { useMemo, useState } from 'react';
import { useCalendar, useCalendarYear } from '../../api/calendar.ts';

/**
 * The company's working calendar for a test run, which starts now (this year and the next, where long
 * deadlines land), so deadlines and `workDateAdd` come out as they will in production; undefined until it
 * is loaded (a run started before that uses Monday–Friday 09:00–18:00).
 */
export function useRunCalendar(): WorkCalendar | undefined {
  const [year] = useState(() => new Date().getUTCFullYear());
  const settings = useCalendar().data;
  const first = useCalendarYear(year).data;
  const second = useCalendarYear(year + 1).data;
  return useMemo(() => {
    if (!settings || !first || !second) return undefined;
    const { workdays, start, end, utcOffsetMinutes } = settings;
    return calendarOfDays({ workdays, start, end, utcOffsetMinutes }, [...first.days, ...second.days]);
  }, [settings, first, second]);
}
