import { definitionKeySchema } from '@baton/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readWriteRightsSchema } from '../access/read-write-rights.ts';
import { fieldName } from '../crm/deal-fields.ts';
import { FIELD_TYPES } from '../crm/field-definitions.ts';
import { isoTime, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { createList, deleteList, getList, listLists, updateList } from './lists.ts';
import { recordRoutes } from './record-routes.ts';

const field = z
  .object({
    key: fieldName.describe(
      'The name records keep it under (and processes about a record read as document.<key>)',
    ),
    label: z.string().trim().min(1).max(200),
    type: z.enum(FIELD_TYPES).describe('select: one of options; date: YYYY-MM-DD'),
    options: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    required: z.boolean().default(false).describe('Every record must have it'),
  })
  .meta({ id: 'ListField' });
const list = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    fields: z.array(field),
    rights: readWriteRightsSchema,
    processKey: z.string().nullable(),
    canWrite: z.boolean().describe('The caller adds, changes and deletes records'),
    canManage: z.boolean().describe('The caller changes the list itself'),
    recordCount: z.number().int().describe('How many records it has'),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'List' });
const input = z.object({
  key: definitionKeySchema.describe('Stable name processes use (addListRecord `list`), e.g. contracts'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  fields: z.array(field).max(100),
  rights: readWriteRightsSchema.optional().describe('Default: everyone reads and writes'),
  processKey: definitionKeySchema
    .nullable()
    .optional()
    .describe('A published template started about each new record (by whoever added it)'),
});
const tags = ['lists'];
const byId = z.object({ id: z.string().describe("The list's id or key") });

/**
 * Lists (универсальные списки): registers with the company's own fields; processes add records
 * (`addListRecord`) and run about them (`documentRef: record:<id>`). Set up by `manageLists`.
 */
export const listRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/lists',
    {
      config: { access: 'lists:read' },
      schema: {
        tags,
        summary: 'The lists I read, by name',
        response: { 200: z.object({ items: z.array(list) }) },
      },
    },
    async (request) => ({ items: await listLists(rt, request.caller) }),
  );

  app.post(
    '/lists',
    {
      config: { access: 'lists:write' },
      schema: {
        tags,
        summary: 'Create a list (manageLists)',
        body: input,
        response: { 201: list, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createList(rt, request.caller, request.body)),
  );

  app.get(
    '/lists/:id',
    {
      config: { access: 'lists:read' },
      schema: { tags, summary: 'A list', params: byId, response: { 200: list, ...problems(404) } },
    },
    async (request) => getList(rt, request.caller, request.params.id),
  );

  app.put(
    '/lists/:id',
    {
      config: { access: 'lists:write' },
      schema: {
        tags,
        summary: "Replace a list's settings (manageLists); records keep their values",
        params: byId,
        body: input,
        response: { 200: list, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updateList(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/lists/:id',
    {
      config: { access: 'lists:write' },
      schema: {
        tags,
        summary: 'Delete a list and its records (manageLists)',
        params: byId,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteList(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  await app.register(recordRoutes, { rt });
};
