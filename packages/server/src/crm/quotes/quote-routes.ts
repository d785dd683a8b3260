import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems } from '../../http/schemas.ts';
import type { Runtime } from '../../runtime/context.ts';
import { amountField, currencyField } from '../money.ts';
import { quoteFileName, quotePdf } from './quote-pdf.ts';
import { decideQuote, sendQuote } from './quote-status.ts';
import {
  copyQuote,
  createQuote,
  deleteQuote,
  getQuote,
  listQuotes,
  QUOTE_LANGUAGES,
  QUOTE_STATUSES,
  updateQuote,
} from './quotes.ts';

const tags = ['crm'];
const idParam = z.object({ id: z.string() });

const MAX_QUANTITY = 1e9;
/** A per cent with at most two decimals (a discount, a VAT rate). */
const percent = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((d) => Math.abs(d * 100 - Math.round(d * 100)) < 1e-6, 'at most two decimal places');
const rowInput = z.object({
  productId: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe('A catalogue product: its name, unit and price unless given'),
  name: z.string().trim().min(1).max(500).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  quantity: z
    .number()
    .positive()
    .max(MAX_QUANTITY)
    .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'at most three decimal places'),
  price: amountField.min(0).optional(),
  discount: percent(100).optional().describe('Per cent'),
});
const quoteFields = {
  currency: currencyField.optional().describe("Default: the deal's"),
  validUntil: z.iso.date().nullable().optional(),
  comment: z.string().trim().max(10_000).nullable().optional().describe('Terms printed under the rows'),
  language: z.enum(QUOTE_LANGUAGES).optional().describe("Of its PDF and letter; default: the author's"),
  vatRate: percent(99.99).nullable().optional().describe('VAT (НДС) in per cent, e.g. 22; null: none shown'),
  vatIncluded: z
    .boolean()
    .optional()
    .describe("The rows' prices include VAT (default); false: it comes on top"),
  rows: z.array(rowInput).max(500),
};
const quote = z
  .object({
    id: z.string(),
    number: z.number().int(),
    dealId: z.string(),
    dealTitle: z.string(),
    status: z.enum(QUOTE_STATUSES),
    currency: z.string(),
    total: z.number().describe('What the client pays'),
    vatRate: z.number().nullable(),
    vatIncluded: z.boolean(),
    vat: z.number().describe('The VAT in total: a share of the rows, or on top of them'),
    validUntil: z.string().nullable(),
    comment: z.string().nullable(),
    language: z.enum(QUOTE_LANGUAGES),
    version: z.number().int(),
    rows: z.array(
      z.object({
        productId: z.string().nullable(),
        name: z.string(),
        unit: z.string(),
        quantity: z.number(),
        price: z.number(),
        discount: z.number(),
        total: z.number(),
      }),
    ),
    createdBy: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    sentAt: isoTime.nullable(),
    sentTo: z.array(z.string()),
  })
  .meta({ id: 'CrmQuote' });

/** Quotes (коммерческие предложения): whoever sees the deal sees and works its quotes. */
export const quoteRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/quotes',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The quotes I see, newest first',
        querystring: z.object({
          dealId: z.string().optional(),
          status: z.enum(QUOTE_STATUSES).optional(),
          ...pageQuery,
        }),
        response: { 200: page(quote), ...problems(400) },
      },
    },
    async (request) => listQuotes(rt, request.caller, request.query),
  );
  app.post(
    '/crm/quotes',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'A draft quote for a deal',
        description: 'Errors: 422 BAD_REFERENCE at body.dealId; 422 INVALID_QUOTE at body.rows.<i>.<field>.',
        body: z.object({ dealId: z.string().min(1), ...quoteFields }),
        response: { 201: quote, ...problems(400, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createQuote(rt, request.caller, request.body)),
  );
  app.get(
    '/crm/quotes/:id',
    {
      config: { access: 'crm:read' },
      schema: { tags, summary: 'A quote', params: idParam, response: { 200: quote, ...problems(404) } },
    },
    async (request) => getQuote(rt, request.caller, request.params.id),
  );
  app.patch(
    '/crm/quotes/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change a draft (409 QUOTE_NOT_DRAFT once sent; 409 VERSION_CONFLICT)',
        params: idParam,
        body: z.object({ ...quoteFields, version: z.number().int().optional() }).partial(),
        response: { 200: quote, ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => updateQuote(rt, request.caller, request.params.id, request.body),
  );
  app.delete(
    '/crm/quotes/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Delete a draft',
        params: idParam,
        response: { 204: z.null(), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      await deleteQuote(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/crm/quotes/:id/pdf',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The quote as PDF, as its client gets it',
        params: idParam,
        response: { 200: z.any().describe('application/pdf'), ...problems(404) },
      },
    },
    async (request, reply) => {
      const q = await getQuote(rt, request.caller, request.params.id);
      const pdf = await quotePdf(rt.db.kysely, q);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(quoteFileName(q))}`)
        .send(pdf);
    },
  );
  app.post(
    '/crm/quotes/:id/send',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'E-mail the quote as PDF; it becomes sent (and the deal may move to a stage)',
        description:
          "`to` defaults to the deal's contact's e-mail, else its company's (422 NO_RECIPIENT when neither has one). 409 QUOTE_CLOSED once accepted or declined.",
        params: idParam,
        body: z.object({
          to: z.array(z.email().max(320)).min(1).max(20).optional(),
          subject: z.string().trim().min(1).max(500).optional(),
          message: z.string().trim().min(1).max(20_000).optional(),
          stageId: z.string().min(1).optional().describe('Move the deal to this stage of its pipeline'),
        }),
        response: { 200: quote, ...problems(400, 404, 409, 422) },
      },
    },
    async (request) => sendQuote(rt, request.caller, request.params.id, request.body),
  );
  for (const [action, status] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)
    app.post(
      `/crm/quotes/:id/${action}`,
      {
        config: { access: 'crm:write' },
        schema: {
          tags,
          summary:
            status === 'accepted'
              ? "The client accepted: the quote's total becomes the deal's amount"
              : 'The client declined',
          params: idParam,
          response: { 200: quote, ...problems(404, 409) },
        },
      },
      async (request) => decideQuote(rt, request.caller, request.params.id, status),
    );
  app.post(
    '/crm/quotes/:id/copy',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'A new draft with the same rows and terms',
        params: idParam,
        response: { 201: quote, ...problems(404) },
      },
    },
    async (request, reply) => reply.code(201).send(await copyQuote(rt, request.caller, request.params.id)),
  );
};
