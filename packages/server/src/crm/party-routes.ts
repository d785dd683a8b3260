import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { dealFieldsSchema } from './deal-fields.ts';
import { createParty, deleteParty, getParty, listParties, type PartyKind, updateParty } from './parties.ts';

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const shared = {
  name: z.string().trim().min(1).max(300),
  phone: text(100),
  email: text(320),
  comment: text(10_000),
  responsibleId: z.string().min(1).optional().describe('Default: the caller'),
  fields: dealFieldsSchema
    .optional()
    .describe("The company's own fields (GET /crm/fields/{contact|company})"),
};
const viewShared = {
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  comment: z.string().nullable(),
  responsibleId: z.string(),
  responsibleName: z.string().nullable(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: isoTime,
  updatedAt: isoTime,
};

/** What differs between the two kinds: their own fields, and how their lists filter. */
const SPECS = {
  contact: {
    path: '/crm/contacts',
    input: { ...shared, position: text(200), companyId: z.string().min(1).nullable().optional() },
    view: z
      .object({
        ...viewShared,
        position: z.string().nullable(),
        companyId: z.string().nullable(),
        companyName: z.string().nullable(),
      })
      .meta({ id: 'CrmContact' }),
    filters: {
      companyId: z.string().optional(),
      q: z.string().max(200).optional().describe('In the name, phone or e-mail'),
    },
  },
  company: {
    path: '/crm/companies',
    input: { ...shared, taxId: text(40), address: text(1000) },
    view: z
      .object({ ...viewShared, taxId: z.string().nullable(), address: z.string().nullable() })
      .meta({ id: 'CrmCompany' }),
    filters: { q: z.string().max(200).optional().describe('In the name, tax id, phone or e-mail') },
  },
} as const;

const idParam = z.object({ id: z.string() });
const tags = ['crm'];

/** Contacts and companies: the same five routes each, for whoever leads one, the heads above them and `seeAllCrm`. */
export const partyRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  for (const kind of Object.keys(SPECS) as PartyKind[]) {
    const spec = SPECS[kind];
    app.get(
      spec.path,
      {
        config: { access: 'crm:read' },
        schema: {
          tags,
          summary: `The ${kind === 'contact' ? 'contacts' : 'companies'} I see, by name`,
          querystring: z.object({ ...spec.filters, responsibleId: z.string().optional(), ...pageQuery }),
          response: { 200: page(spec.view), ...problems(400) },
        },
      },
      async (request) => listParties(rt, request.caller, kind, request.query),
    );
    app.post(
      spec.path,
      {
        config: { access: 'crm:write' },
        schema: {
          tags,
          summary: `Create a ${kind}`,
          body: z.object(spec.input),
          response: { 201: spec.view, ...problems(400, 422) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createParty(rt, request.caller, kind, request.body)),
    );
    app.get(
      `${spec.path}/:id`,
      {
        config: { access: 'crm:read' },
        schema: {
          tags,
          summary: `A ${kind}`,
          params: idParam,
          response: {
            200: spec.view.extend({ editable: z.boolean().describe('Whether the caller may change it') }),
            ...problems(404),
          },
        },
      },
      async (request) => getParty(rt, request.caller, kind, request.params.id),
    );
    app.patch(
      `${spec.path}/:id`,
      {
        config: { access: 'crm:write' },
        schema: {
          tags,
          summary: `Change a ${kind}`,
          params: idParam,
          body: z.object(spec.input).partial(),
          response: { 200: spec.view, ...problems(400, 404, 422) },
        },
      },
      async (request) => updateParty(rt, request.caller, kind, request.params.id, request.body),
    );
    app.delete(
      `${spec.path}/:id`,
      {
        config: { access: 'crm:write' },
        schema: {
          tags,
          summary: `Delete a ${kind} (its deals stay, without it)`,
          params: idParam,
          response: { 204: z.null(), ...problems(404) },
        },
      },
      async (request, reply) => {
        await deleteParty(rt, request.caller, kind, request.params.id);
        return reply.code(204).send(null);
      },
    );
  }
};
