import { useQuery } from '@tanstack/react-query';
import { type Answer, call, urlOf } from './client.ts';
import { type ReportRange, rangeQuery } from './report-range.ts';

/** The report as JSON (the endpoint's other answer is its CSV text). */
export type SalesReport = Exclude<Answer<'GET /api/v1/crm/reports/sales'>, string>;
export type SalesFigures = SalesReport['totals'];
export type ManagerSales = SalesReport['people'][number];

const salesQuery = (range: ReportRange, pipelineId: string | null) => ({
  ...rangeQuery(range, Date.now()),
  ...(pipelineId ? { pipelineId } : {}),
});

/**
 * Per manager, what their deals came to in the range, the largest seller first; under `crm`, so a deal
 * moved or won refreshes it. Whose deals the server decides: the owner every manager's, a head their
 * people's, anyone else their own.
 */
export function useSalesReport(range: ReportRange, pipelineId: string | null) {
  return useQuery({
    queryKey: ['crm', 'reports', 'sales', range, pipelineId],
    queryFn: async ({ signal }) =>
      (await call('GET /api/v1/crm/reports/sales', {
        query: { ...salesQuery(range, pipelineId), format: 'json' },
        signal,
      })) as SalesReport,
  });
}

/** The same report as CSV, one manager a line: a plain link downloads it with the session cookie. */
export function salesCsvUrl(range: ReportRange, pipelineId: string | null): string {
  return urlOf('/api/v1/crm/reports/sales', undefined, { ...salesQuery(range, pipelineId), format: 'csv' });
}
