import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { DAY_KINDS } from './days.ts';
import * as service from './service.ts';

const clock = z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM');
const settings = z.object({
  workdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .describe('ISO weekdays worked, 1 = Monday … 7 = Sunday'),
  start: clock.describe('Start of the working day, local time'),
  end: clock.describe('End of the working day, local time (24:00 allowed)'),
  utcOffsetMinutes: z.number().int().min(-840).max(840).describe('The company offset from UTC (Moscow: 180)'),
});
const calendar = settings
  .extend({ years: z.array(z.number().int()).describe('Years with holidays stored') })
  .meta({ id: 'Calendar' });
const day = z.object({
  date: z.string().describe('YYYY-MM-DD'),
  kind: z
    .enum(DAY_KINDS)
    .describe('holiday: not worked; workday: a weekend day worked; short: worked, ending an hour early'),
  name: z.string().max(200).nullable().optional(),
});
const year = z.object({ year: z.number().int(), days: z.array(day) }).meta({ id: 'CalendarYear' });
const yearParam = z.object({ year: z.coerce.number().int().min(1970).max(9999) });
const tags = ['calendar'];

/** The company working calendar: week, hours, UTC offset, holidays per year. */
export const calendarRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/calendar',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: 'The working week, hours and UTC offset', response: { 200: calendar } },
    },
    async () => service.getCalendar(rt),
  );

  app.put(
    '/calendar',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Set the working week, hours and UTC offset (administrators)',
        body: settings,
        response: { 200: calendar, ...problems(400, 403, 422) },
      },
    },
    async (request) => service.updateCalendar(rt, request.caller, request.body),
  );

  app.get(
    '/calendar/:year',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: "One year's holidays, moved working days and short days",
        params: yearParam,
        response: { 200: year, ...problems(400) },
      },
    },
    async (request) => service.getCalendarYear(rt, request.params.year),
  );

  app.put(
    '/calendar/:year',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: "Replace one year's special days (administrators)",
        params: yearParam,
        body: z.object({ days: z.array(day).max(366) }),
        response: { 200: year, ...problems(400, 403, 422) },
      },
    },
    async (request) => service.putCalendarYear(rt, request.caller, request.params.year, request.body.days),
  );
};
