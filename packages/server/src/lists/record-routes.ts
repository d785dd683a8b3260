import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dealFieldValue, fieldName } from '../crm/deal-fields.ts';
import { isoTime, page, pageQuery, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { uploaded } from '../uploads/routes.ts';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from './records.ts';

const values = z
  .record(fieldName, dealFieldValue)
  .refine((v) => Object.keys(v).length <= 100, 'at most 100 fields')
  .describe("The list's fields by key: string, number, boolean or null");
const record = z
  .object({
    id: z.string(),
    listId: z.string(),
    title: z.string(),
    values,
    version: z.number().int(),
    createdBy: z.string().describe('A user id, or process:<instanceId> for a record a process added'),
    createdAt: isoTime,
    updatedBy: z.string(),
    updatedAt: isoTime,
    editable: z.boolean().describe('The caller may change and delete it'),
    files: z.array(uploaded).describe('The files its file fields name'),
  })
  .meta({ id: 'ListRecord' });
const title = z.string().trim().min(1).max(500);
const tags = ['lists'];

/** A list's records: read by its readers, written by its writers. */
export const recordRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/lists/:id/records',
    {
      config: { access: 'lists:read' },
      schema: {
        tags,
        summary: "A list's records, newest first",
        params: z.object({ id: z.string() }),
        querystring: z.object({
          q: z.string().max(200).optional().describe('Text in the title or a value, any letter case'),
          ...pageQuery,
        }),
        response: { 200: page(record), ...problems(400, 404) },
      },
    },
    async (request) => listRecords(rt, request.caller, request.params.id, request.query),
  );

  app.post(
    '/lists/:id/records',
    {
      config: { access: 'lists:write' },
      schema: {
        tags,
        summary: "Add a record (the list's template, if any, starts about it)",
        params: z.object({ id: z.string() }),
        body: z.object({ title, values: values.optional() }),
        response: { 201: record, ...problems(400, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRecord(rt, request.caller, request.params.id, request.body)),
  );

  app.get(
    '/list-records/:id',
    {
      config: { access: 'lists:read' },
      schema: {
        tags,
        summary: 'A list record',
        params: z.object({ id: z.string() }),
        response: { 200: record, ...problems(404) },
      },
    },
    async (request) => getRecord(rt, request.caller, request.params.id),
  );

  app.patch(
    '/list-records/:id',
    {
      config: { access: 'lists:write' },
      schema: {
        tags,
        summary: "Change a record's title or values (values replaced as a whole)",
        params: z.object({ id: z.string() }),
        body: z.object({
          title: title.optional(),
          values: values.optional(),
          version: z.number().int().optional().describe('The version read: a change in between is 409'),
        }),
        response: { 200: record, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updateRecord(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/list-records/:id',
    {
      config: { access: 'lists:write' },
      schema: {
        tags,
        summary: 'Delete a record',
        params: z.object({ id: z.string() }),
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteRecord(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
