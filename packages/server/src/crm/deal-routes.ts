import { z } from 'zod';
import { isoTime } from '../http/schemas.ts';
import { dealFieldsSchema, dealFieldValue } from './deal-fields.ts';
import { createDeal } from './deals.ts';
import { itemRoutes } from './item-routes.ts';
import { amountField, currencyField } from './money.ts';
import { STAGE_KINDS } from './pipelines.ts';

export const deal = z
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
export const stageVisit = z.object({
  stageId: z.string(),
  stageName: z.string().nullable().describe('Null once the stage was removed'),
  enteredAt: isoTime,
  by: z.string().describe('A user id, or process:<instance id> for a process that moved it'),
});
const dealWithStages = deal
  .extend({
    stages: z.array(stageVisit).describe('The stages it has been at, oldest first'),
    editable: z.boolean().describe('Whether the caller may change it (a read grant sees, not changes)'),
  })
  .meta({ id: 'CrmDealDetail' });

const optionalId = z.string().min(1).nullable().optional();
export const editable = {
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
/** Deals on pipelines, for whoever leads them, the heads above them and `seeAllCrm`. */
export const dealRoutes = itemRoutes({
  entity: 'deal',
  path: '/crm/deals',
  view: deal,
  detail: dealWithStages,
  create: z.object(editable),
  patch: z
    .object({ ...editable, version: z.number().int().optional() })
    .partial({ title: true, pipelineId: true }),
  filters: {
    pipelineId: z.string().optional(),
    stageId: z.string().optional(),
    responsibleId: z.string().optional(),
    contactId: z.string().optional(),
    companyId: z.string().optional(),
    q: z.string().max(200).optional().describe('In the title, any letter case'),
  },
  make: (rt, caller, body) => createDeal(rt, caller, body),
});
