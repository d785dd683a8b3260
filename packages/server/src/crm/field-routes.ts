import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { dealFieldName } from './deal-fields.ts';
import { FIELD_ENTITIES, FIELD_TYPES, listFields, replaceFields } from './field-definitions.ts';

const field = z
  .object({
    key: dealFieldName.describe(
      'The name items keep it under (and processes about a deal or lead read as document.<key>)',
    ),
    label: z.string().trim().min(1).max(200),
    type: z.enum(FIELD_TYPES).describe('select: one of options; date: YYYY-MM-DD'),
    options: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    required: z.boolean().default(false).describe('Every item of its kind must have it'),
    requiredAtStages: z
      .array(z.string())
      .max(100)
      .default([])
      .describe('Deals and leads: stages of their pipelines an item cannot reach without it'),
  })
  .meta({ id: 'CrmField' });
const list = z.object({ items: z.array(field) });
const entityParam = z.object({ entity: z.enum(FIELD_ENTITIES) });

/** The fields companies add to deals, leads, contacts and companies: read by everyone, set by `manageCrm`. */
export const fieldRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/fields/:entity',
    {
      config: { access: 'crm:read' },
      schema: {
        tags: ['crm'],
        summary: "The company's own fields of deals, leads, contacts or companies, in order",
        params: entityParam,
        response: { 200: list, ...problems(400) },
      },
    },
    async (request) => ({ items: await listFields(rt.db.kysely, request.params.entity) }),
  );

  app.put(
    '/crm/fields/:entity',
    {
      config: { access: 'crm:write' },
      schema: {
        tags: ['crm'],
        summary: 'Replace the fields of deals, leads, contacts or companies (manageCrm)',
        params: entityParam,
        body: z.object({ items: z.array(field).max(100) }),
        response: { 200: list, ...problems(400, 403, 422) },
      },
    },
    async (request) => ({
      items: await replaceFields(rt, request.caller, request.params.entity, request.body.items),
    }),
  );
};
