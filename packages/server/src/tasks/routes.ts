import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ADMIN_ACTOR,
  actorField,
  isoTime,
  jsonObject,
  page,
  pageQuery,
  problems,
  queryBoolean,
} from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import * as service from './service.ts';

const status = z.enum(['open', 'completed', 'cancelled']);
export const taskSchema = z
  .object({
    id: z.string().describe('instanceId:taskId'),
    instanceId: z.string(),
    definitionKey: z.string(),
    nodeId: z.string(),
    status,
    kind: z.string().describe('approve, review, requestInfo, acknowledge or form'),
    title: z.string(),
    assignees: z.array(z.string()),
    role: z.string().nullable(),
    dueAt: isoTime.nullable(),
    createdAt: isoTime,
    completedAt: isoTime.nullable(),
    completedBy: z.string().nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'Task' });
const form = z.object({
  description: z.string().nullable(),
  fields: z.array(jsonObject).describe('Field declarations: id, type, required, options, …'),
  outcomes: z.array(z.object({ id: z.string(), label: z.string().optional() })),
});
const idParam = z.object({ id: z.string() });
const tags = ['tasks'];

/** People's tasks: inboxes, the form to fill, completion and delegation. */
export const taskRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'List tasks',
        querystring: z.object({
          instanceId: z.string().optional(),
          status: status.optional(),
          assignee: z.string().optional().describe('A user id, or a reference such as role:HR'),
          overdue: queryBoolean.optional().describe('true: open tasks past their deadline'),
          definitionKey: z.string().optional(),
          ...pageQuery,
        }),
        response: { 200: page(taskSchema), ...problems(400) },
      },
    },
    async (request) => service.listTasks(rt, request.query),
  );

  app.get(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Get a task with its form (fields and outcomes)',
        params: idParam,
        response: { 200: taskSchema.extend({ form }), ...problems(404) },
      },
    },
    async (request) => service.getTask(rt, request.params.id),
  );

  app.post(
    '/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete an open task',
        params: idParam,
        body: z.object({
          variables: jsonObject.default({}).describe('Values of process variables and form fields'),
          outcome: z.string().optional().describe("One of the task's outcomes, e.g. approved / rejected"),
          actor: actorField,
        }),
        response: {
          200: z.object({
            task: taskSchema,
            instance: z.object({
              id: z.string(),
              status: z.enum(['running', 'completed', 'failed', 'terminated']),
            }),
          }),
          ...problems(400, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const { variables, outcome, actor } = request.body;
      return service.completeTask(rt, request.params.id, { variables, outcome, actor: actor ?? ADMIN_ACTOR });
    },
  );

  app.post(
    '/tasks/:id/delegate',
    {
      schema: {
        tags,
        summary: 'Hand an open task to someone else',
        params: idParam,
        body: z.object({ to: z.string().min(1).describe('The new assignee'), actor: actorField }),
        response: { 200: taskSchema, ...problems(400, 404, 409) },
      },
    },
    async (request) =>
      service.delegateTask(rt, request.params.id, request.body.to, request.body.actor ?? ADMIN_ACTOR),
  );
};
