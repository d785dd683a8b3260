import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';
import { refresh } from './query-client.ts';

export type CalendarSettings = Body<'PUT /api/v1/calendar'>;
export type CalendarDay = Answer<'GET /api/v1/calendar/{year}'>['days'][number];

/** The company's working week, hours and UTC offset, and which years have special days stored. */
export function useCalendar() {
  return useQuery({
    queryKey: ['calendar', 'settings'],
    queryFn: ({ signal }) => call('GET /api/v1/calendar', { signal }),
  });
}

/** One year's holidays, moved working days and short days. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: ({ signal }) => call('GET /api/v1/calendar/{year}', { path: { year }, signal }),
  });
}

export function useSaveCalendarSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarSettings) => call('PUT /api/v1/calendar', { body }),
    onSuccess: () => refresh(client, 'calendar'),
  });
}

export function useSaveCalendarYear() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, days }: { year: number; days: CalendarDay[] }) =>
      call('PUT /api/v1/calendar/{year}', { path: { year }, body: { days } }),
    onSuccess: () => refresh(client, 'calendar'),
  });
}
