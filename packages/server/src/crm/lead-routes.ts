import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { deal, editable, stageVisit } from './deal-routes.ts';
import { itemRoutes } from './item-routes.ts';
import { convertLead, createLead } from './leads.ts';

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const person = {
  name: text(300).describe('Who the request is from'),
  companyTitle: text(300).describe('Their company, as given'),
  phone: text(100),
  email: text(320),
  source: text(200).describe('Where it came from: a web form, a call, …'),
};
const lead = deal
  .extend({
    name: z.string().nullable(),
    companyTitle: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    source: z.string().nullable(),
    convertedDealId: z.string().nullable().describe('The deal it was converted into'),
  })
  .meta({ id: 'CrmLead' });
const leadWithStages = lead
  .extend({ stages: z.array(stageVisit), editable: z.boolean() })
  .meta({ id: 'CrmLeadDetail' });
const leadInput = z
  .object({ ...editable, ...person })
  .partial({ title: true, pipelineId: true })
  .describe('title: default the name and company; pipelineId: default the first lead pipeline');

/** Leads: requests not yet qualified, on lead pipelines, converted into deals. */
const leadItemRoutes = itemRoutes({
  entity: 'lead',
  path: '/crm/leads',
  view: lead,
  detail: leadWithStages,
  create: leadInput,
  patch: leadInput.extend({ version: z.number().int().optional() }),
  filters: {
    pipelineId: z.string().optional(),
    stageId: z.string().optional(),
    responsibleId: z.string().optional(),
    q: z
      .string()
      .max(200)
      .optional()
      .describe('In the title, name, company, phone or e-mail, any letter case'),
  },
  make: (rt, caller, body) => createLead(rt, caller, body),
});

export const leadRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  await app.register(leadItemRoutes, { rt });
  app.post(
    '/crm/leads/:id/convert',
    {
      config: { access: 'crm:write' },
      schema: {
        tags: ['crm'],
        summary: 'Convert a lead into a contact, a company and a deal',
        description:
          'In one transaction: the person becomes a contact (or the one you have with that e-mail), the company ' +
          'a company (or the one you have of that name), the deal takes the amount, manager, comment and fields; ' +
          'the lead moves to its won stage. 409 LEAD_CONVERTED when it was converted before.',
        params: z.object({ id: z.string() }),
        body: z.object({
          pipelineId: z.string().min(1).optional().describe('The deal pipeline; default the first'),
          stageId: z.string().min(1).optional(),
          title: z.string().trim().min(1).max(500).optional(),
        }),
        response: { 200: z.object({ lead, deal }), ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => convertLead(rt, request.caller, request.params.id, request.body),
  );
};
