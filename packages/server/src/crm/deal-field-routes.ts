import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { DEAL_FIELD_TYPES, listDealFields, replaceDealFields } from './deal-field-definitions.ts';
import { dealFieldName } from './deal-fields.ts';

const field = z
  .object({
    key: dealFieldName.describe('The name processes read it by (document.<key>) and deals keep it under'),
    label: z.string().trim().min(1).max(200),
    type: z.enum(DEAL_FIELD_TYPES).describe('select: one of options; date: YYYY-MM-DD'),
    options: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    required: z.boolean().default(false).describe('Every deal must have it'),
    requiredAtStages: z
      .array(z.string())
      .max(100)
      .default([])
      .describe('Stages a deal cannot reach without it'),
  })
  .meta({ id: 'CrmDealField' });
const list = z.object({ items: z.array(field) });

/** The fields companies add to deals: read by everyone, set by `manageCrm`. */
export const dealFieldRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/deal-fields',
    {
      config: { access: 'crm:read' },
      schema: { tags: ['crm'], summary: "The company's deal fields, in order", response: { 200: list } },
    },
    async () => ({ items: await listDealFields(rt.db.kysely) }),
  );

  app.put(
    '/crm/deal-fields',
    {
      config: { access: 'crm:write' },
      schema: {
        tags: ['crm'],
        summary: 'Replace the deal fields (manageCrm)',
        body: z.object({ items: z.array(field).max(100) }),
        response: { 200: list, ...problems(400, 403, 422) },
      },
    },
    async (request) => ({ items: await replaceDealFields(rt, request.caller, request.body.items) }),
  );
};
