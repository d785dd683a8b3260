import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../../http/schemas.ts';
import { reportRange } from '../../reports/process-report.ts';
import type { Runtime } from '../../runtime/context.ts';
import { salesCsv } from './sales-csv.ts';
import { salesReport } from './sales-report.ts';

const amounts = z.record(z.string(), z.number()).describe('Sums by currency');
const figures = {
  created: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  wonAmounts: amounts,
  winRate: z.number().nullable(),
  medianDaysToWin: z.number().nullable(),
  open: z.number().int(),
  openAmounts: amounts,
  stageMoves: z.number().int(),
  quotesSent: z.number().int(),
  quotesAccepted: z.number().int(),
  quotesSentAmounts: amounts,
  activitiesDone: z.number().int().describe('Calls, meetings, e-mails and tasks they did'),
  lettersSent: z.number().int().describe('Letters they wrote to clients from Baton (CRM mail)'),
};
const report = z
  .object({
    from: isoTime,
    to: isoTime,
    people: z.array(z.object({ userId: z.string(), name: z.string(), ...figures })),
    totals: z.object(figures),
  })
  .meta({ id: 'CrmSalesReport' });
const query = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('Default: 90 days before to'),
  to: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
  pipelineId: z.string().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** `GET /crm/reports/sales`: who sells and through which actions. */
export const salesReportRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/reports/sales',
    {
      config: { access: 'crm:read' },
      schema: {
        tags: ['crm'],
        summary:
          'Per manager: deals created, won and lost in the range, what was won, open now, stage moves, quotes sent, activities done',
        description:
          'Over the deals the caller sees (the owner: every manager; a head: their people; anyone else: themselves). `format=csv`: one manager per line, for BI tools.',
        querystring: query,
        response: { 200: report.or(z.string().describe('text/csv')), ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const range = reportRange(request.query.from, request.query.to, rt.now());
      const result = await salesReport(rt, request.caller, range, request.query.pipelineId);
      if (request.query.format === 'json') return result;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="sales.csv"')
        .send(salesCsv(result));
    },
  );
};
