import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems, queryBoolean } from '../../http/schemas.ts';
import type { Runtime } from '../../runtime/context.ts';
import { amountField, currencyField } from '../money.ts';
import { importPriceList, PRICE_LIST_COLUMNS } from './price-list-import.ts';
import {
  createPriceList,
  deletePriceList,
  getPriceList,
  listPriceLists,
  updatePriceList,
} from './price-lists.ts';
import { readPriceRequestSettings, savePriceRequestSettings } from './price-request.ts';
import { createProduct, deleteProduct, getProduct, listProducts, updateProduct } from './products.ts';

const tags = ['crm'];
const idParam = z.object({ id: z.string() });
const text = (max: number) => z.string().trim().max(max).nullable().optional();

const productInput = z.object({
  name: z.string().trim().min(1).max(500),
  sku: text(100).describe('The article (артикул); unique within a price list'),
  unit: z.string().trim().min(1).max(20).optional().describe('Default: pcs'),
  price: amountField.min(0),
  currency: currencyField.optional().describe('Default: RUB'),
  priceListId: z.string().min(1).nullable().optional().describe("The supplier's price list it comes from"),
  description: text(5000),
});
const product = z
  .object({
    id: z.string(),
    name: z.string(),
    sku: z.string().nullable(),
    unit: z.string(),
    price: z.number(),
    currency: z.string(),
    priceListId: z.string().nullable(),
    priceListName: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CrmProduct' });

const priceListInput = z.object({
  name: z.string().trim().min(1).max(300).describe("The supplier's name"),
  email: z.email().max(320).nullable().optional().describe('Where requests for new prices go'),
  staleAfterDays: z.number().int().min(1).max(3650).optional().describe('Default: 30'),
});
const priceList = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    staleAfterDays: z.number().int(),
    pricesUpdatedAt: isoTime.nullable(),
    requestedAt: isoTime.nullable(),
    stale: z.boolean(),
    productCount: z.number().int(),
    createdAt: isoTime,
  })
  .meta({ id: 'CrmPriceList' });

const priceRequest = z
  .object({
    enabled: z.boolean(),
    subject: z.string().trim().min(1).max(500),
    message: z.string().trim().min(1).max(20_000),
  })
  .meta({ id: 'CrmPriceRequest' });

/** A price list of 50,000 rows is a few megabytes. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** The product catalogue, suppliers' price lists and the letter that asks for new prices. */
export const catalogRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/products',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The product catalogue, by name',
        querystring: z.object({
          q: z.string().max(200).optional().describe('In the name or article'),
          priceListId: z.string().optional(),
          ...pageQuery,
        }),
        response: { 200: page(product), ...problems(400) },
      },
    },
    async (request) => listProducts(rt, request.query),
  );
  app.post(
    '/crm/products',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Add a product (manageCrm)',
        body: productInput,
        response: { 201: product, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createProduct(rt, request.caller, request.body)),
  );
  app.get(
    '/crm/products/:id',
    {
      config: { access: 'crm:read' },
      schema: { tags, summary: 'A product', params: idParam, response: { 200: product, ...problems(404) } },
    },
    async (request) => getProduct(rt, request.params.id),
  );
  app.patch(
    '/crm/products/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change a product (manageCrm); quotes keep the price they were given',
        params: idParam,
        body: productInput.partial(),
        response: { 200: product, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updateProduct(rt, request.caller, request.params.id, request.body),
  );
  app.delete(
    '/crm/products/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Delete a product (manageCrm); quotes keep their rows',
        params: idParam,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteProduct(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/crm/price-lists',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: "Suppliers' price lists, by name, each with whether its prices are stale",
        response: { 200: z.object({ items: z.array(priceList) }) },
      },
    },
    async () => ({ items: await listPriceLists(rt) }),
  );
  app.post(
    '/crm/price-lists',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: "Add a supplier's price list (manageCrm)",
        body: priceListInput,
        response: { 201: priceList, ...problems(400, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createPriceList(rt, request.caller, request.body)),
  );
  app.get(
    '/crm/price-lists/:id',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'A price list',
        params: idParam,
        response: { 200: priceList, ...problems(404) },
      },
    },
    async (request) => getPriceList(rt, request.params.id),
  );
  app.patch(
    '/crm/price-lists/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change a price list (manageCrm)',
        params: idParam,
        body: priceListInput.partial(),
        response: { 200: priceList, ...problems(400, 403, 404) },
      },
    },
    async (request) => updatePriceList(rt, request.caller, request.params.id, request.body),
  );
  app.delete(
    '/crm/price-lists/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Delete a price list without products (manageCrm)',
        params: idParam,
        response: { 204: z.null(), ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deletePriceList(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/crm/price-lists/:id/import',
    {
      config: { access: 'crm:write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: "Load the supplier's prices from CSV in one transaction (all rows or none; manageCrm)",
        description: `A \`text/csv\` body with the columns ${PRICE_LIST_COLUMNS.join(', ')} (any letter case; sku and price needed, name for a new article). Articles the list has get the new price; new ones are added; the prices count as fresh from now. Errors: 422 IMPORT_FAILED listing every problem as \`prices.<row>.<column>\`.`,
        params: idParam,
        querystring: z.object({
          dryRun: queryBoolean.optional().describe('Check everything, write nothing'),
        }),
        body: z.string().describe('The CSV file (text/csv)'),
        response: {
          200: z.object({ dryRun: z.boolean(), created: z.number().int(), updated: z.number().int() }),
          ...problems(400, 403, 404, 413, 415, 422),
        },
      },
    },
    async (request) =>
      importPriceList(rt, request.caller, request.params.id, request.body, request.query.dryRun === true),
  );

  app.get(
    '/crm/price-request',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The letter that asks a supplier with stale prices for new ones',
        response: { 200: priceRequest },
      },
    },
    async () => readPriceRequestSettings(rt.db.kysely),
  );
  app.put(
    '/crm/price-request',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary:
          'Change the price request letter (manageCrm); `{{ priceList.name }}`, `.days`, `.pricesUpdatedAt`',
        body: priceRequest,
        response: { 200: priceRequest, ...problems(400, 403, 422) },
      },
    },
    async (request) => savePriceRequestSettings(rt, request.caller, request.body),
  );
};
