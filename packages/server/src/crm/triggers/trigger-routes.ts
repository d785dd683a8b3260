import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../../http/schemas.ts';
import type { Runtime } from '../../runtime/context.ts';
import { ACTIVITY_KINDS } from '../activities/activities.ts';
import { fireTrigger } from './fire.ts';
import { createTrigger, deleteTrigger, listTriggers, TRIGGER_EVENTS, updateTrigger } from './triggers.ts';

const event = z
  .enum(TRIGGER_EVENTS)
  .describe(
    "emailReceived: a client's letter came to a connected mailbox; activityCompleted: an activity was done (activityKind: only of that kind); quoteAccepted / quoteDeclined: the client answered a quote; webhook: an outside system calls POST /crm/triggers/{id}/fire",
  );
const trigger = z
  .object({
    id: z.string(),
    pipelineId: z.string(),
    stageId: z.string(),
    name: z.string(),
    event,
    activityKind: z.enum(ACTIVITY_KINDS).nullable(),
    allowBackward: z.boolean(),
    active: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CrmTrigger' });
const input = z.object({
  stageId: z.string().min(1).describe('Where the deal or lead moves'),
  name: z.string().trim().min(1).max(200),
  event,
  activityKind: z
    .enum(ACTIVITY_KINDS)
    .nullable()
    .optional()
    .describe('activityCompleted: only activities of this kind (default: any)'),
  allowBackward: z
    .boolean()
    .optional()
    .describe(
      'Also move items at a later stage back, and out of a won or lost one (default false: forward only)',
    ),
  active: z.boolean().optional().describe('Default true'),
});
const tags = ['crm'];
const byId = z.object({ id: z.string() });

/** Triggers on pipeline stages: read by everyone, set by `manageCrm`, a webhook one fired by integrations. */
export const triggerRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/pipelines/:id/triggers',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: "A pipeline's triggers, in stage order",
        params: byId,
        response: { 200: z.object({ items: z.array(trigger) }), ...problems(404) },
      },
    },
    async (request) => ({ items: await listTriggers(rt.db.kysely, request.params.id) }),
  );

  app.post(
    '/crm/pipelines/:id/triggers',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Put a trigger on a stage (manageCrm)',
        params: byId,
        body: input,
        response: { 201: trigger, ...problems(400, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTrigger(rt, request.caller, request.params.id, request.body)),
  );

  app.put(
    '/crm/triggers/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: "Replace a trigger's settings (manageCrm)",
        params: byId,
        body: input,
        response: { 200: trigger, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => updateTrigger(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/crm/triggers/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Remove a trigger (manageCrm)',
        params: byId,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteTrigger(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/crm/triggers/:id/fire',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Fire a webhook trigger on a deal or lead the caller may change',
        description:
          "For outside systems (a payment received, a contract signed in 1C): the item moves to the trigger's stage if it is at an earlier open one (or anywhere, when the trigger allows going back); its robots there act. moved: false when the rule kept it where it is.",
        params: byId,
        body: z.object({ itemId: z.string().min(1).describe('The deal or lead') }),
        response: {
          200: z.object({ moved: z.boolean(), stageId: z.string() }),
          ...problems(400, 403, 404, 409, 422),
        },
      },
    },
    async (request) => fireTrigger(rt, request.caller, request.params.id, request.body.itemId),
  );
};
