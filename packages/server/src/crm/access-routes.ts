import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { createGrant, deleteGrant, GRANT_ACCESS, GRANT_ENTITIES, listGrants, updateGrant } from './access.ts';

const tags = ['crm'];
const grant = z
  .object({
    id: z.string(),
    role: z.string(),
    roleTitle: z.string(),
    entity: z.enum(GRANT_ENTITIES),
    pipelineId: z.string().nullable(),
    pipelineName: z.string().nullable(),
    access: z.enum(GRANT_ACCESS),
    createdAt: isoTime,
  })
  .meta({ id: 'CrmAccessGrant' });

/** Who may read or change which CRM items beyond their own (manageCrm). */
export const accessRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/access',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'CRM access by role: what the holders of each role read or change beyond their own items',
        response: { 200: z.object({ items: z.array(grant) }), ...problems(403) },
      },
    },
    async (request) => ({ items: await listGrants(rt, request.caller) }),
  );
  app.post(
    '/crm/access',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: "Let a role's holders read (or change) every item of a kind, or a pipeline's deals or leads",
        description:
          'Errors: 422 BAD_REFERENCE at body.role or body.pipelineId; 409 GRANT_EXISTS for a role, kind and pipeline already granted.',
        body: z.object({
          role: z.string().min(1),
          entity: z.enum(GRANT_ENTITIES),
          pipelineId: z
            .string()
            .min(1)
            .nullable()
            .optional()
            .describe('Deals or leads of this pipeline only'),
          access: z.enum(GRANT_ACCESS).describe('`write` includes reading'),
        }),
        response: { 201: grant, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createGrant(rt, request.caller, request.body)),
  );
  app.patch(
    '/crm/access/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change what a grant allows',
        params: z.object({ id: z.string() }),
        body: z.object({ access: z.enum(GRANT_ACCESS) }),
        response: { 200: grant, ...problems(400, 403, 404) },
      },
    },
    async (request) => updateGrant(rt, request.caller, request.params.id, request.body.access),
  );
  app.delete(
    '/crm/access/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Withdraw a grant',
        params: z.object({ id: z.string() }),
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteGrant(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
