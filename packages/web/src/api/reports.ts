import { useQuery } from '@tanstack/react-query';
import { call, urlOf } from './client.ts';

/** The periods a report covers, in days back from now. */
export const REPORT_PERIODS = [30, 90, 365] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const DAY = 24 * 3_600_000;
const rangeOf = (days: ReportPeriod) => ({ from: new Date(Date.now() - days * DAY).toISOString() });

/** How durations are measured: on the clock, or in the company's working hours. */
export type ReportTime = 'calendar' | 'working';

/** Where a template's runs started in the last `days` lose time (GET /reports/processes/{key}). */
export function useProcessReport(key: string | null, days: ReportPeriod, time: ReportTime) {
  return useQuery({
    queryKey: ['reports', 'process', key, days, time],
    queryFn: ({ signal }) =>
      call('GET /api/v1/reports/processes/{key}', {
        path: { key: key ?? '' },
        query: { ...rangeOf(days), time },
        signal,
      }),
    enabled: key !== null,
  });
}

/** The address of the same report's tasks as CSV: a plain link downloads it with the session cookie. */
export function reportCsvUrl(key: string, days: ReportPeriod): string {
  return urlOf('/api/v1/reports/processes/{key}/tasks.csv', { key }, rangeOf(days));
}
