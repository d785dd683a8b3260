import { definitionKeySchema } from '@baton/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { processReport, reportRange } from './process-report.ts';
import { tasksCsv } from './tasks-csv.ts';

const spread = {
  count: z.number().int().describe('Answered tasks (runs, for instances)'),
  totalMs: z.number(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
};
const share = z.number().describe('Part of the time all answered tasks took, 0–1');
const report = z
  .object({
    definitionKey: z.string(),
    from: isoTime,
    to: isoTime,
    time: z.enum(['calendar', 'working']),
    instances: z.object({
      started: z.number().int(),
      running: z.number().int(),
      completed: z.number().int(),
      failed: z.number().int(),
      terminated: z.number().int(),
      duration: z.object(spread).describe('Completed runs, start to end'),
    }),
    steps: z
      .array(
        z.object({
          nodeId: z.string(),
          title: z.string(),
          tasks: z.number().int(),
          open: z.number().int(),
          cancelled: z.number().int(),
          overdue: z.number().int().describe('Answered after the deadline, or open past it'),
          oldestOpenMs: z.number().nullable().describe('Age of the oldest open task'),
          waiting: z
            .array(
              z.object({
                taskId: z.string(),
                instanceId: z.string(),
                assignees: z.array(z.string()),
                since: isoTime,
                dueAt: isoTime.nullable(),
              }),
            )
            .describe('The open tasks waiting longest, oldest first (at most 5)'),
          ...spread,
          share,
        }),
      )
      .describe('People steps, the longest in all first; times from given to answered'),
    departments: z
      .array(
        z.object({
          departmentId: z.string().nullable(),
          name: z.string().nullable(),
          people: z.number().int(),
          ...spread,
          share,
        }),
      )
      .describe("Answered tasks by the answerer's department (null: none), the longest in all first"),
    people: z
      .array(
        z.object({
          userId: z.string(),
          departmentId: z.string().nullable(),
          overdue: z.number().int().describe('Answered after the deadline'),
          ...spread,
          share,
        }),
      )
      .describe('Answered tasks by who answered them, the longest in all first'),
  })
  .meta({ id: 'ProcessReport' });
const keyParam = z.object({ key: definitionKeySchema });
const rangeQuery = z.object({
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Instances started at or after; default: 90 days before to'),
  to: z.iso.datetime({ offset: true }).optional().describe('Instances started before; default: now'),
});
const reportQuery = rangeQuery.extend({
  time: z
    .enum(['calendar', 'working'])
    .default('calendar')
    .describe("working: durations in the company's working hours (its calendar) instead of on the clock"),
});
const tags = ['reports'];

/** Reports on a template's runs: where they lose time, and the raw tasks for BI tools. */
export const reportRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/reports/processes/:key',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: "Where a template's runs lose time: per step, per department, per run",
        params: keyParam,
        querystring: reportQuery,
        response: { 200: report, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => {
      const range = reportRange(request.query.from, request.query.to, rt.now());
      return processReport(rt, request.caller, request.params.key, range, request.query.time);
    },
  );

  app.get(
    '/reports/processes/:key/tasks.csv',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: "The report's tasks one per line (CSV, UTF-8), for BI tools",
        params: keyParam,
        querystring: rangeQuery,
        response: { 200: z.string().describe('text/csv'), ...problems(400, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const range = reportRange(request.query.from, request.query.to, rt.now());
      const csv = await tasksCsv(rt, request.caller, request.params.key, range);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.key}-tasks.csv"`)
        .send(csv);
    },
  );
};
