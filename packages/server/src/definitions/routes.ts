import { definitionKeySchema, TEMPLATE_ICONS } from '@baton/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, jsonObject, problems, queryBoolean } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import * as service from './service.ts';

const keyParam = z.object({ key: definitionKeySchema });
const versionQuery = z.object({
  version: z
    .union([z.literal('draft'), z.coerce.number().int().positive()])
    .optional()
    .describe('A version number or "draft"; default: the latest published, else the draft'),
});

const problemItem = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    message: z.string(),
    nodeId: z.string().optional(),
    flowId: z.string().optional(),
    path: z.string().optional(),
    elementId: z.string().optional(),
    elementType: z.string().optional(),
    line: z.number().optional(),
  })
  .meta({ id: 'DefinitionProblem' });

const status = z.enum(['draft', 'published']);
const summary = z.object({
  key: z.string(),
  name: z.string(),
  version: z.number().int(),
  status,
  publishedVersion: z.number().int().nullable(),
  createdAt: isoTime,
  sort: z
    .number()
    .int()
    .nullable()
    .describe('Catalogue order, lower first; the list comes sorted by it, then name'),
  icon: z.enum(TEMPLATE_ICONS).nullable(),
  labels: z.array(z.string()).describe('Catalogue labels'),
  documentType: z.string().nullable().describe('The CRM items it is made for (deal, lead, …), or null'),
});
const view = z
  .object({
    key: z.string(),
    version: z.number().int(),
    status,
    name: z.string(),
    createdBy: z.string().nullable(),
    createdAt: isoTime,
    publishedAt: isoTime.nullable(),
    importedFromBpmn: z.boolean(),
    definition: jsonObject,
  })
  .meta({ id: 'Definition' });
const saved = z.object({
  key: z.string(),
  version: z.number().int(),
  status: z.literal('draft'),
  problems: z.array(problemItem),
});
const checked = z.object({ ok: z.boolean(), problems: z.array(problemItem) });

const tags = ['definitions'];

/** Process definitions: drafts, validation, publishing, deletion, BPMN import and export. */
export const definitionRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/definitions',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'List definitions (each key with its latest version), in catalogue order',
        querystring: z.object({
          published: queryBoolean
            .optional()
            .describe(
              'true: the start catalogue — each template as published, for editors too; drafts left out',
            ),
          label: z
            .string()
            .min(1)
            .max(40)
            .optional()
            .describe('Only templates with this label (any letter case)'),
          reportable: queryBoolean
            .optional()
            .describe(
              'true: only templates whose every run the caller sees (those with a process report for them)',
            ),
          documentType: z
            .string()
            .min(1)
            .max(40)
            .optional()
            .describe('Only templates made for this kind of CRM item (their documentType, e.g. deal)'),
        }),
        response: { 200: z.object({ items: z.array(summary) }), ...problems(400) },
      },
    },
    async (request) => ({
      items: await service.listDefinitions(rt, request.caller, {
        published: request.query.published === true,
        label: request.query.label,
        reportable: request.query.reportable === true,
        documentType: request.query.documentType,
      }),
    }),
  );

  app.get(
    '/definitions/:key',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'Get a definition version',
        params: keyParam,
        querystring: versionQuery,
        response: { 200: view, ...problems(404) },
      },
    },
    async (request) => service.getDefinition(rt, request.caller, request.params.key, request.query.version),
  );

  // Under /instances because the instance names the version; here because what it answers is a definition.
  app.get(
    '/instances/:id/definition',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'The definition version an instance runs on (for whoever sees the instance)',
        params: z.object({ id: z.string() }),
        response: { 200: view, ...problems(404) },
      },
    },
    async (request) => service.instanceDefinition(rt, request.caller, request.params.id),
  );

  app.put(
    '/definitions/:key/draft',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Create or replace the draft (the next version); stored even with problems',
        params: keyParam,
        body: jsonObject.describe('The definition JSON (see docs/MODEL.md)'),
        response: { 200: saved, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => service.putDraft(rt, request.caller, request.params.key, request.body),
  );

  app.post(
    '/definitions/:key/validate',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Compile the posted definition, or the stored draft when the body is empty',
        params: keyParam,
        body: jsonObject.nullish(),
        response: { 200: checked, ...problems(403, 404) },
      },
    },
    async (request) =>
      service.validateDefinition(rt, request.caller, request.params.key, request.body ?? undefined),
  );

  app.post(
    '/definitions/:key/publish',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Publish the draft: new instances start from it; running ones keep their version',
        params: keyParam,
        response: { 200: view.extend({ warnings: z.array(problemItem) }), ...problems(403, 404, 409, 422) },
      },
    },
    async (request) => service.publishDefinition(rt, request.caller, request.params.key),
  );

  app.delete(
    '/definitions/:key',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Delete a template (every version); running instances keep running on theirs',
        params: keyParam,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await service.deleteDefinition(rt, request.caller, request.params.key);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/definitions/import',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Import BPMN 2.0 XML (Content-Type: application/xml) as a draft',
        querystring: z.object({
          key: keyParam.shape.key.optional().describe("Store under this key (default: the process's id)"),
        }),
        body: z.string().describe('BPMN 2.0 XML'),
        response: { 201: saved, ...problems(400, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      const saved = await service.importDefinition(rt, request.caller, request.body, request.query.key);
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/definitions/:key/bpmn',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'Export a definition version as BPMN 2.0 XML',
        params: keyParam,
        querystring: versionQuery,
        produces: ['application/xml'],
        response: { 200: z.string(), ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const xml = await service.exportDefinition(
        rt,
        request.caller,
        request.params.key,
        request.query.version,
      );
      return reply.type('application/xml; charset=utf-8').send(xml);
    },
  );
};
