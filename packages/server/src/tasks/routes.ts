import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorField, isoTime, jsonObject, page, pageQuery, problems, queryBoolean } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import * as service from './service.ts';

const status = z.enum(['open', 'completed', 'cancelled']);
export const taskSchema = z
  .object({
    id: z.string().describe('instanceId:taskId'),
    instanceId: z.string(),
    definitionKey: z.string(),
    documentRef: z
      .string()
      .nullable()
      .describe('What its process is about (deal:<id>, record:<id>, file:<id>, …)'),
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
    comment: z.string().nullable().describe('The comment it was completed with'),
    redirects: z
      .array(z.object({ assignee: z.string(), meantFor: z.string(), reason: z.string() }))
      .describe(
        'Where it went instead of whom it was meant for, and why (an absence kind, inactive, unresolved)',
      ),
    warning: z
      .string()
      .nullable()
      .describe('Set when its assignees matched no one and it went to the process administrators'),
  })
  .meta({ id: 'Task' });
/** Per user task node: who answered (when, how, with what comment), who still may, who did not. */
export const nodeResponsesSchema = z
  .object({
    nodeId: z.string(),
    title: z.string(),
    kind: z.string(),
    answered: z.array(
      z.object({
        taskId: z.string(),
        by: z.string().nullable(),
        at: isoTime.nullable(),
        outcome: z.string().nullable(),
        comment: z.string().nullable(),
      }),
    ),
    open: z.array(
      z.object({ taskId: z.string(), assignees: z.array(z.string()), dueAt: isoTime.nullable() }),
    ),
    unanswered: z
      .array(
        z.object({
          taskId: z.string(),
          assignees: z.array(z.string()),
          reason: z.string().nullable().describe('deadline passed, decided, …'),
          at: isoTime.nullable(),
        }),
      )
      .describe('Tasks cancelled before an answer: missed the deadline, or the vote was already decided'),
  })
  .meta({ id: 'NodeResponses' });
const form = z.object({
  description: z.string().nullable(),
  fields: z.array(jsonObject).describe('Field declarations: id, type, required, options, …'),
  outcomes: z.array(z.object({ id: z.string(), label: z.string().optional() })),
});
const count = { tasks: z.number().int(), overdue: z.number().int() };
const inboxCounts = z
  .object({
    total: z.object(count),
    byEmployee: z.array(
      z.object({ userId: z.string(), name: z.string(), departmentId: z.string().nullable(), ...count }),
    ),
    byDepartment: z.array(
      z.object({ departmentId: z.string().nullable(), name: z.string().nullable(), ...count }),
    ),
  })
  .describe(
    'scope=all only: tasks under the filters, in total, per employee (personal assignments) and per department',
  );
const myCounts = z
  .object({
    open: z.number().int(),
    overdue: z.number().int(),
    dueToday: z.number().int().describe("Due before the end of today in the company calendar's time zone"),
  })
  .describe('scope=mine only: my open tasks, whatever the list is narrowed to');
const idParam = z.object({ id: z.string() });
const tags = ['tasks'];

/** People's tasks: inboxes, the form to fill, completion and delegation. */
export const taskRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/tasks',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'List tasks: an inbox (scope) or every task I may see',
        description:
          'scope=mine: assigned to me (my id, user:<me>, role:<a role I hold>); scope=subordinates: personally ' +
          'assigned to anyone below me (userId: one of them); scope=all: every task of every employee, for ' +
          'administrators and the owner (userId, departmentId filters; the answer has counts). Without a ' +
          "scope: every task I may see — mine, my subordinates', or all for administrators, process " +
          'administrators and the owner.',
        querystring: z.object({
          scope: z.enum(['mine', 'subordinates', 'all']).optional(),
          userId: z.string().optional().describe('subordinates / all: the tasks of this employee'),
          departmentId: z
            .string()
            .optional()
            .describe('all: the tasks of the employees of this department and those below it'),
          instanceId: z.string().optional(),
          status: status.optional(),
          assignee: z.string().optional().describe('A user id, or a reference such as role:HR'),
          overdue: queryBoolean.optional().describe('true: open tasks past their deadline'),
          dueToday: queryBoolean
            .optional()
            .describe(
              "true: open tasks due before the end of today in the company calendar's time zone (overdue included)",
            ),
          definitionKey: z.string().optional(),
          ...pageQuery,
        }),
        response: {
          200: page(taskSchema).extend({ counts: z.union([inboxCounts, myCounts]).optional() }),
          ...problems(400, 403),
        },
      },
    },
    async (request) => service.listTasks(rt, request.caller, request.query),
  );

  app.get(
    '/tasks/:id',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'Get a task with its form (fields and outcomes)',
        params: idParam,
        response: { 200: taskSchema.extend({ form }), ...problems(404) },
      },
    },
    async (request) => service.getTask(rt, request.caller, request.params.id),
  );

  app.post(
    '/tasks/:id/complete',
    {
      config: { access: 'tasks:write' },
      schema: {
        tags,
        summary: 'Complete an open task',
        params: idParam,
        body: z.object({
          variables: jsonObject.default({}).describe('Values of process variables and form fields'),
          outcome: z.string().optional().describe("One of the task's outcomes, e.g. approved / rejected"),
          comment: z
            .string()
            .max(10_000)
            .optional()
            .describe('Stored with the task and passed to the process as the `comment` variable'),
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
          ...problems(400, 403, 404, 409, 422),
        },
      },
    },
    async (request) => {
      const { variables, outcome, actor, comment } = request.body;
      return service.completeTask(rt, request.caller, request.params.id, {
        variables,
        outcome,
        actor,
        comment,
      });
    },
  );

  app.post(
    '/tasks/:id/delegate',
    {
      config: { access: 'tasks:write' },
      schema: {
        tags,
        summary: 'Hand an open task to someone else',
        params: idParam,
        body: z.object({ to: z.string().min(1).describe('The new assignee'), actor: actorField }),
        response: { 200: taskSchema, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) =>
      service.delegateTask(rt, request.caller, request.params.id, request.body.to, request.body.actor),
  );
};
