import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorField, isoTime, jsonObject, page, pageQuery, problems, queryBoolean } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { nodeResponsesSchema, taskSchema } from '../tasks/routes.ts';
import { historyPage, historyTag } from './history-page.ts';
import * as service from './service.ts';

/** The most history events one answer carries when a page is asked for. */
const MAX_HISTORY_PAGE = 1000;

const status = z.enum(['running', 'completed', 'failed', 'terminated']);
const summary = z
  .object({
    id: z.string(),
    status,
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    documentRef: z.string().nullable(),
    startedBy: z.string().nullable(),
    startedAt: isoTime,
    endedAt: isoTime.nullable(),
    parentId: z.string().nullable(),
  })
  .meta({ id: 'InstanceSummary' });
const stuckReason = z
  .discriminatedUnion('code', [
    z.object({
      code: z.literal('DEAD_JOB'),
      jobKey: z.string(),
      kind: z.string(),
      error: z.string().nullable(),
    }),
    z.object({ code: z.literal('NO_ACTIVE_ASSIGNEE'), taskId: z.string(), assignees: z.array(z.string()) }),
  ])
  .meta({ id: 'StuckReason' });
const listed = summary
  .extend({
    stuck: z
      .boolean()
      .optional()
      .describe('Those who see all work: running, and waiting on a dead job or a task no active user holds'),
    stuckReasons: z.array(stuckReason).optional(),
  })
  .meta({ id: 'ListedInstance' });
const historyItem = z.object({
  seq: z.number().int(),
  type: z.string().describe('instance.started, node.entered, task.created, task.delegated, …'),
  at: isoTime,
  nodeId: z.string().optional(),
  tokenId: z.string().optional(),
  taskId: z.string().optional(),
  timerId: z.string().optional(),
  actor: z.string().optional(),
  data: jsonObject.optional(),
});
const timelineEntry = historyItem
  .extend({
    tookMs: z
      .number()
      .nullable()
      .describe('How long the step this event ends took (a task, an activation, the run)'),
    comment: z.string().optional().describe("task.completed: the task's comment"),
  })
  .meta({ id: 'TimelineEntry' });
const progress = z
  .object({
    nodes: z.record(z.string(), z.enum(['active', 'done', 'cancelled'])).describe("Each node's latest mark"),
    flows: z.array(z.string()).describe('Flows taken'),
    current: z.array(z.string()).describe('The nodes it is at now'),
  })
  .meta({ id: 'RunProgress' });
const detail = summary
  .extend({
    variables: jsonObject,
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        nodeId: z.string().optional(),
        event: z.unknown().optional(),
      })
      .nullable()
      .describe('Why it failed and the event a retry re-applies'),
    tasks: z.array(taskSchema),
    responses: z.array(nodeResponsesSchema).describe('Per user task node: who answered and who did not'),
    progress,
    participants: z.array(z.string()).describe('Who started it, had or answered a task, or acted in it'),
    history: z.array(historyItem).describe('Every event, or the historyLimit newest'),
    historyTotal: z.number().int().describe('How many events the history has in all'),
  })
  .meta({ id: 'Instance' });
const detailQuery = z.object({
  historyLimit: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_HISTORY_PAGE)
    .optional()
    .describe('Only the newest this many history events (GET …/history pages older ones)'),
  tasks: z.enum(['all', 'open']).default('all').describe('open: only the open tasks'),
});
const historyQuery = z.object({
  before: z.coerce.number().int().min(1).optional().describe('nextBefore of the newer page'),
  limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).default(100),
  view: z.enum(['key', 'all']).default('all').describe('key: the steps a timeline shows by default'),
});
const historyAnswer = z.object({
  items: z.array(timelineEntry).describe('Oldest first'),
  total: z.number().int().describe('Events of the view in all'),
  nextBefore: z.number().int().nullable().describe('before for the older page; null at the first event'),
});
const started = z.object({
  id: z.string(),
  status,
  definitionKey: z.string(),
  definitionVersion: z.number().int(),
});
const idParam = z.object({ id: z.string() });
const tags = ['instances'];

/** Process instances: start, browse, inspect, terminate, retry. */
export const instanceRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.post(
    '/instances',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Start an instance of the latest published version',
        description:
          'With an Idempotency-Key header, a repeated request (even a concurrent one) answers the first ' +
          "start's 201 and body again, with the header Idempotent-Replayed: true.",
        headers: z.looseObject({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: z.object({
          definitionKey: z.string().min(1),
          params: jsonObject.default({}),
          document: jsonObject
            .nullable()
            .optional()
            .describe('A snapshot of the CRM item the process is about'),
          documentRef: z.string().nullable().optional(),
          startedBy: actorField,
        }),
        response: { 201: started, ...problems(400, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { definitionKey, params, document, documentRef, startedBy } = request.body;
      const { started, replayed } = await service.start(rt, request.caller, {
        definitionKey,
        params,
        document: document ?? null,
        documentRef: documentRef ?? null,
        startedBy,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(started);
    },
  );

  app.get(
    '/instances',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'List instances, newest first',
        querystring: z.object({
          scope: z.enum(['mine']).optional().describe('mine: the instances I started ("my processes")'),
          definitionKey: z.string().optional(),
          status: status.optional(),
          startedBy: z.string().optional(),
          documentRef: z.string().min(1).optional().describe('The processes of a CRM item, e.g. deal:<id>'),
          startedFrom: z.iso.datetime({ offset: true }).optional().describe('Inclusive'),
          startedTo: z.iso.datetime({ offset: true }).optional().describe('Exclusive'),
          stuck: queryBoolean
            .optional()
            .describe('true: only stuck instances; false: none of them (those who see all work; else 403)'),
          ...pageQuery,
        }),
        response: { 200: page(listed), ...problems(400, 403) },
      },
    },
    async (request) => {
      const { startedFrom, startedTo, ...rest } = request.query;
      return service.listInstances(rt, request.caller, {
        ...rest,
        startedFrom: startedFrom === undefined ? undefined : Date.parse(startedFrom),
        startedTo: startedTo === undefined ? undefined : Date.parse(startedTo),
      });
    },
  );

  app.get(
    '/instances/:id',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'Get an instance: variables, tasks, history and where it is',
        params: idParam,
        querystring: detailQuery,
        response: { 200: detail, ...problems(400, 404) },
      },
    },
    async (request) => service.getInstance(rt, request.caller, request.params.id, request.query),
  );

  app.get(
    '/instances/:id/history',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: "A page of an instance's history, newest first by page, with each step's duration",
        params: idParam,
        querystring: historyQuery,
        response: {
          200: historyAnswer,
          304: z.null().describe('If-None-Match names the ETag: no event since'),
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => {
      const tag = await historyTag(rt, request.caller, request.params.id);
      reply.header('etag', tag).header('cache-control', 'private, no-cache');
      if (matches(request.headers['if-none-match'], tag)) return reply.code(304).send(null);
      return historyPage(rt, request.params.id, request.query);
    },
  );

  app.post(
    '/instances/:id/terminate',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Terminate a running or failed instance',
        params: idParam,
        body: z.object({ reason: z.string().min(1).max(2000), actor: actorField }),
        response: { 200: summary, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) =>
      service.terminate(rt, request.caller, request.params.id, request.body.reason, request.body.actor),
  );

  app.post(
    '/instances/:id/retry',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Re-apply the event a failed instance failed on',
        description:
          'Answers the instance: running or completed when the retry got through, failed when it failed again.',
        params: idParam,
        response: { 200: detail, ...problems(403, 404, 409) },
      },
    },
    async (request) => service.retry(rt, request.caller, request.params.id),
  );
};

/** Whether an If-None-Match header names the tag (it may list several, or `*`). */
function matches(header: string | undefined, tag: string): boolean {
  return header?.split(',').some((t) => t.trim() === tag || t.trim() === '*') ?? false;
}
