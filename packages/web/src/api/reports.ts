import { useQuery } from '@tanstack/react-query';
import { call, urlOf } from './client.ts';
import { type ReportRange, rangeQuery } from './report-range.ts';

/** How durations are measured: on the clock, or in the company's working hours. */
export type ReportTime = 'calendar' | 'working';

/** Where a template's runs started in the range lose time (GET /reports/processes/{key}). */
export function useProcessReport(key: string | null, range: ReportRange, time: ReportTime) {
  return useQuery({
    queryKey: ['reports', 'process', key, range, time],
    queryFn: ({ signal }) =>
      call('GET /api/v1/reports/processes/{key}', {
        path: { key: key ?? '' },
        query: { ...rangeQuery(range, Date.now()), time },
        signal,
      }),
    enabled: key !== null,
  });
}

/** The address of the same report's tasks as CSV: a plain link downloads it with the session cookie. */
export function reportCsvUrl(key: string, range: ReportRange): string {
  return urlOf('/api/v1/reports/processes/{key}/tasks.csv', { key }, rangeQuery(range, Date.now()));
}
