import { parseDuration } from '@baton/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { ACTIVITY_KINDS } from './activities/activities.ts';
import { createRobot, deleteRobot, listRobots, ROBOT_ACTIONS, updateRobot } from './robots.ts';

const duration = z.string().refine((d) => {
  try {
    parseDuration(d);
    return true;
  } catch {
    return false;
  }
}, 'an ISO 8601 duration such as P7D or PT4H');
const action = z
  .enum(ROBOT_ACTIONS)
  .describe(
    "notify: tell the deal's manager (message); startProcess: start a process about the deal; activity: plan a call, meeting, e-mail or task for its manager (message: its title); moveStage: move the deal to targetStageId (e.g. lost, when left untouched for a month)",
  );
const robot = z
  .object({
    id: z.string(),
    pipelineId: z.string(),
    stageId: z.string(),
    name: z.string(),
    action,
    delay: z.string().nullable(),
    inWorkingTime: z.boolean(),
    message: z.string().nullable(),
    notifyHead: z.boolean(),
    definitionKey: z.string().nullable(),
    activityKind: z.enum(ACTIVITY_KINDS).nullable(),
    activityDue: z.string().nullable(),
    targetStageId: z.string().nullable(),
    active: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CrmRobot' });
const input = z.object({
  stageId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  action,
  delay: duration
    .nullable()
    .optional()
    .describe('After how long at the stage (the deal still there) it acts, e.g. P7D; null: at once'),
  inWorkingTime: z
    .boolean()
    .optional()
    .describe("The delay and the activity's deadline count the company's working time (default: the clock)"),
  message: z
    .string()
    .max(4000)
    .nullable()
    .optional()
    .describe(
      'notify and activity: a {{ }} template over deal (deal.title, deal.company, …) and responsible (responsible.name)',
    ),
  notifyHead: z.boolean().optional().describe("notify: tell the manager's head too"),
  definitionKey: z.string().min(1).nullable().optional().describe('startProcess: a published template'),
  activityKind: z.enum(ACTIVITY_KINDS).nullable().optional().describe('activity: what it plans'),
  activityDue: duration
    .nullable()
    .optional()
    .describe('activity: its deadline, this long after the robot acts (e.g. PT2H); null: at once'),
  targetStageId: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe('moveStage: another stage of the pipeline the deal moves to'),
  active: z.boolean().optional().describe('Default true'),
});
const tags = ['crm'];

/** Robots on pipeline stages: read by everyone, set by `manageCrm`. */
export const robotRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/pipelines/:id/robots',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: "A pipeline's robots, in stage order",
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ items: z.array(robot) }), ...problems(404) },
      },
    },
    async (request) => ({ items: await listRobots(rt.db.kysely, request.params.id) }),
  );

  app.post(
    '/crm/pipelines/:id/robots',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Put a robot on a stage (manageCrm)',
        params: z.object({ id: z.string() }),
        body: input,
        response: { 201: robot, ...problems(400, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRobot(rt, request.caller, request.params.id, request.body)),
  );

  app.put(
    '/crm/robots/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: "Replace a robot's settings (manageCrm)",
        params: z.object({ id: z.string() }),
        body: input,
        response: { 200: robot, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => updateRobot(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/crm/robots/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Remove a robot (manageCrm)',
        params: z.object({ id: z.string() }),
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteRobot(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
