import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import * as service from './service.ts';

const when = z
  .string()
  .min(1)
  .describe('YYYY-MM-DD (a whole local day) or an ISO 8601 instant with an offset');
const absence = z
  .object({
    id: z.string(),
    userId: z.string(),
    kind: z.string(),
    from: z.string(),
    to: z.string(),
    startsAt: isoTime,
    endsAt: isoTime.describe('Exclusive'),
    deputyId: z.string().nullable(),
    comment: z.string().nullable(),
    createdBy: z.string(),
    createdAt: isoTime,
  })
  .meta({ id: 'Absence' });
const tags = ['absences'];

/** Absences (vacation, sick leave, business trip, …) with deputies. */
export const absenceRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.post(
    '/absences',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Record an absence (the user themself, their heads, administrators)',
        description:
          'From its start, tasks meant for the user go to the deputy (else their head); tasks they hold ' +
          'open when it starts move the same way, unless the template says options.onAbsence: "wait".',
        body: z.object({
          userId: z.string().min(1),
          from: when,
          to: when.describe('Inclusive for a date'),
          kind: z.enum(service.ABSENCE_KINDS),
          deputyId: z.string().min(1).nullable().optional(),
          comment: z.string().max(2000).nullable().optional(),
        }),
        response: { 201: absence, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createAbsence(rt, request.caller, request.body)),
  );

  app.get(
    '/absences',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'List absences, latest start first',
        querystring: z.object({
          userId: z.string().optional(),
          deputyId: z.string().optional(),
          kind: z.string().optional(),
          from: z.string().optional().describe('Only absences not over before this (YYYY-MM-DD or ISO 8601)'),
          to: z.string().optional().describe('Only absences starting by this (a date: by its end)'),
          ...pageQuery,
        }),
        response: { 200: page(absence), ...problems(400, 422) },
      },
    },
    async (request) => service.listAbsences(rt, request.query),
  );

  app.get(
    '/absences/:id',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'Get an absence',
        params: z.object({ id: z.string() }),
        response: { 200: absence, ...problems(404) },
      },
    },
    async (request) => service.getAbsence(rt.db.kysely, request.params.id),
  );

  app.delete(
    '/absences/:id',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Remove an absence (the user themself, their heads, administrators)',
        params: z.object({ id: z.string() }),
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await service.deleteAbsence(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
