import { calendarOfDays, type WorkCalendar } from '@baton/engine';
import { useMemo } from 'react';
import { useCalendar, useCalendarYear } from '../../api/calendar.ts';
import { RUN_START } from '../model/test-run.ts';

const RUN_YEAR = new Date(RUN_START).getUTCFullYear();

/**
 * The company's working calendar for a test run (its year and the next, where long deadlines land),
 * so deadlines and `workDateAdd` come out as they will in production; undefined until it is loaded
 * (a run started before that uses Monday–Friday 09:00–18:00).
 */
export function useRunCalendar(): WorkCalendar | undefined {
  const settings = useCalendar().data;
  const first = useCalendarYear(RUN_YEAR).data;
  const second = useCalendarYear(RUN_YEAR + 1).data;
  return useMemo(() => {
    if (!settings || !first || !second) return undefined;
    const { workdays, start, end, utcOffsetMinutes } = settings;
    return calendarOfDays({ workdays, start, end, utcOffsetMinutes }, [...first.days, ...second.days]);
  }, [settings, first, second]);
}
