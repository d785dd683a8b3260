import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems, queryBoolean } from '../../http/schemas.ts';
import type { Runtime } from '../../runtime/context.ts';
import {
  ACTIVITY_KINDS,
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from './activities.ts';

const tags = ['crm'];
const idParam = z.object({ id: z.string() });
const fields = {
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().trim().min(1).max(500),
  dueAt: z.iso.datetime({ offset: true }).describe('The deadline'),
  responsibleId: z.string().min(1).optional().describe("Who does it; default: the deal's manager"),
  comment: z.string().trim().max(10_000).nullable().optional(),
};
const activity = z
  .object({
    id: z.string(),
    dealId: z.string(),
    dealTitle: z.string(),
    entity: z.enum(['deal', 'lead']),
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string(),
    dueAt: isoTime,
    overdue: z.boolean(),
    responsibleId: z.string(),
    responsibleName: z.string().nullable(),
    comment: z.string().nullable(),
    result: z.string().nullable(),
    doneAt: isoTime.nullable(),
    doneBy: z.string().nullable(),
    robotId: z.string().nullable().describe('The robot that planned it'),
    emailId: z.string().nullable().describe('The incoming letter it asks to answer (GET /crm/emails/{id})'),
    createdBy: z.string(),
    createdAt: isoTime,
  })
  .meta({ id: 'CrmActivity' });

/** Activities (дела) on deals and leads: calls, meetings, e-mails and tasks with their deadlines. */
export const activityRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/activities',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary:
          'Activities of the deals I see and those I do: open ones by deadline, done ones latest first',
        querystring: z.object({
          dealId: z.string().optional(),
          responsibleId: z.string().optional(),
          status: z.enum(['open', 'done']).optional(),
          overdue: queryBoolean.optional().describe('Open and past their deadline'),
          ...pageQuery,
        }),
        response: { 200: page(activity), ...problems(400) },
      },
    },
    async (request) => listActivities(rt, request.caller, request.query),
  );
  app.post(
    '/crm/activities',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Plan an activity on a deal or lead',
        body: z.object({ dealId: z.string().min(1), ...fields }),
        response: { 201: activity, ...problems(400, 403, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createActivity(rt, request.caller, request.body)),
  );
  app.get(
    '/crm/activities/:id',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'An activity',
        params: idParam,
        response: { 200: activity, ...problems(404) },
      },
    },
    async (request) => getActivity(rt, request.caller, request.params.id),
  );
  app.patch(
    '/crm/activities/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change an open activity (a new deadline is watched anew); 409 ACTIVITY_DONE once done',
        params: idParam,
        body: z.object(fields).partial(),
        response: { 200: activity, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updateActivity(rt, request.caller, request.params.id, request.body),
  );
  app.post(
    '/crm/activities/:id/complete',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Done, with what came of it',
        params: idParam,
        body: z.object({ result: z.string().trim().max(10_000).nullable().optional() }),
        response: { 200: activity, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) => completeActivity(rt, request.caller, request.params.id, request.body.result ?? null),
  );
  app.delete(
    '/crm/activities/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Delete an activity',
        params: idParam,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteActivity(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
