import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Caller } from '../access/caller.ts';
import { page, pageQuery, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { listDeals } from './deal-lists.ts';
import type { DealView } from './deal-rows.ts';
import { deleteDeal, getDeal, updateDeal } from './deals.ts';
import type { CrmEntity } from './pipelines.ts';

/** What differs between the deal and the lead routes: their path, shapes, filters and how one is created. */
export interface ItemSpec<Create extends z.ZodObject, Patch extends z.ZodObject> {
  entity: CrmEntity;
  path: string;
  view: z.ZodType;
  detail: z.ZodType;
  create: Create;
  patch: Patch;
  filters: z.ZodRawShape;
  make(rt: Runtime, caller: Caller, body: z.infer<Create>): Promise<DealView>;
}

const idParam = z.object({ id: z.string() });
const tags = ['crm'];

/**
 * The five routes of deals and of leads — list, create, read, change, delete — for whoever leads one,
 * the heads above them and `seeAllCrm`.
 */
export function itemRoutes<Create extends z.ZodObject, Patch extends z.ZodObject>(
  spec: ItemSpec<Create, Patch>,
): FastifyPluginAsyncZod<{ rt: Runtime }> {
  const { entity, path } = spec;
  const plural = `${entity}s`;
  return async (app, { rt }) => {
    app.get(
      path,
      {
        config: { access: 'crm:read' },
        schema: {
          tags,
          summary: `The ${plural} I see, newest first`,
          querystring: z.object({ ...spec.filters, ...pageQuery }),
          response: { 200: page(spec.view), ...problems(400) },
        },
      },
      async (request) => listDeals(rt, request.caller, request.query as never, entity),
    );
    app.post(
      path,
      {
        config: { access: 'crm:write' },
        schema: {
          tags,
          summary: `Create a ${entity}`,
          body: spec.create,
          response: { 201: spec.view, ...problems(400, 422) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await spec.make(rt, request.caller, request.body as z.infer<Create>)),
    );
    app.get(
      `${path}/:id`,
      {
        config: { access: 'crm:read' },
        schema: {
          tags,
          summary: `A ${entity} with its stage history`,
          params: idParam,
          response: { 200: spec.detail, ...problems(404) },
        },
      },
      async (request) => getDeal(rt, request.caller, request.params.id, entity),
    );
    app.patch(
      `${path}/:id`,
      {
        config: { access: 'crm:write' },
        schema: {
          tags,
          summary: `Change a ${entity} (move it to another stage or pipeline)`,
          params: idParam,
          body: spec.patch,
          response: { 200: spec.view, ...problems(400, 404, 409, 422) },
        },
      },
      async (request) => updateDeal(rt, request.caller, request.params.id, request.body as never, entity),
    );
    app.delete(
      `${path}/:id`,
      {
        config: { access: 'crm:write' },
        schema: {
          tags,
          summary: `Delete a ${entity}`,
          params: idParam,
          response: { 204: z.null(), ...problems(404) },
        },
      },
      async (request, reply) => {
        await deleteDeal(rt, request.caller, request.params.id, entity);
        return reply.code(204).send(null);
      },
    );
  };
}
