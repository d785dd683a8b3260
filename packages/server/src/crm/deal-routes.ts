import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { dealFieldsSchema, dealFieldValue } from './deal-fields.ts';
import { createDeal, deleteDeal, getDeal, listDeals, updateDeal } from './deals.ts';
import { amountField, currencyField } from './money.ts';
import { STAGE_KINDS } from './pipelines.ts';

const deal = z
  .object({
    id: z.string(),
    title: z.string(),
    pipelineId: z.string(),
    stageId: z.string(),
    stageName: z.string(),
    stageKind: z.enum(STAGE_KINDS),
    amount: z.number().nullable(),
    currency: z.string(),
    contactId: z.string().nullable(),
    contactName: z.string().nullable(),
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
    responsibleId: z.string(),
    responsibleName: z.string().nullable(),
    comment: z.string().nullable(),
    fields: z.record(z.string(), dealFieldValue),
    version: z.number().int().describe('Send it back with a change: 409 if the deal changed since'),
    stageChangedAt: isoTime,
    createdBy: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    closedAt: isoTime.nullable().describe('Set while the deal is at a won or lost stage'),
  })
  .meta({ id: 'CrmDeal' });
const stageVisit = z.object({
  stageId: z.string(),
  stageName: z.string().nullable().describe('Null once the stage was removed'),
  enteredAt: isoTime,
  by: z.string().describe('A user id, or process:<instance id> for a process that moved it'),
});
const dealWithStages = deal
  .extend({ stages: z.array(stageVisit).describe('The stages it has been at, oldest first') })
  .meta({ id: 'CrmDealDetail' });

const optionalId = z.string().min(1).nullable().optional();
const editable = {
  title: z.string().trim().min(1).max(500),
  pipelineId: z.string().min(1),
  stageId: z.string().min(1).optional().describe("Default: the pipeline's first stage"),
  amount: amountField.nullable().optional(),
  currency: currencyField.optional().describe('Default RUB'),
  contactId: optionalId,
  companyId: optionalId,
  responsibleId: z.string().min(1).optional().describe('Default: the caller'),
  comment: z.string().max(10_000).nullable().optional(),
  fields: dealFieldsSchema.optional(),
};
const idParam = z.object({ id: z.string() });
const tags = ['crm'];

/** Deals on pipelines, for whoever leads them, the heads above them and `seeAllCrm`. */
export const dealRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/deals',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The deals I see, newest first',
        querystring: z.object({
          pipelineId: z.string().optional(),
          stageId: z.string().optional(),
          responsibleId: z.string().optional(),
          contactId: z.string().optional(),
          companyId: z.string().optional(),
          q: z.string().max(200).optional().describe('In the title, any letter case'),
          ...pageQuery,
        }),
        response: { 200: page(deal), ...problems(400) },
      },
    },
    async (request) => listDeals(rt, request.caller, request.query),
  );

  app.post(
    '/crm/deals',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Create a deal',
        body: z.object(editable),
        response: { 201: deal, ...problems(400, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createDeal(rt, request.caller, request.body)),
  );

  app.get(
    '/crm/deals/:id',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'A deal with its stage history',
        params: idParam,
        response: { 200: dealWithStages, ...problems(404) },
      },
    },
    async (request) => getDeal(rt, request.caller, request.params.id),
  );

  app.patch(
    '/crm/deals/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change a deal (move it to another stage or pipeline)',
        params: idParam,
        body: z
          .object({ ...editable, version: z.number().int().optional() })
          .partial({ title: true, pipelineId: true }),
        response: { 200: deal, ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => updateDeal(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/crm/deals/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Delete a deal',
        params: idParam,
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      await deleteDeal(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
