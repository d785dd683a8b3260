import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { pipelineSummary } from './deal-lists.ts';
import {
  CRM_ENTITIES,
  createPipeline,
  deletePipeline,
  listPipelines,
  STAGE_KINDS,
  updatePipeline,
} from './pipelines.ts';

const kind = z.enum(STAGE_KINDS).describe('open: work goes on; won, lost: how a deal ends');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #228be6');
const stage = z.object({ id: z.string(), name: z.string(), kind, color }).meta({ id: 'CrmStage' });
const entity = z.enum(CRM_ENTITIES).describe('What moves along it: deals or leads');
const pipeline = z
  .object({ id: z.string(), name: z.string(), sort: z.number().int(), entity, stages: z.array(stage) })
  .meta({ id: 'CrmPipeline' });
const name = z.string().trim().min(1).max(200);
const stageInput = z.object({ name: z.string().trim().min(1).max(100), kind, color: color.optional() });
const stagesOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1)
    .max(50)
    .describe('In order: deals enter at the first (open); exactly one won stage, at least one lost');
const newStages = stagesOf(stageInput);
const keptStages = stagesOf(
  stageInput.extend({ id: z.string().min(1).optional().describe('An existing stage, kept') }),
);
const idParam = z.object({ id: z.string() });
const summary = z.object({
  stages: z.array(
    z.object({
      id: z.string(),
      count: z.number().int(),
      amounts: z.record(z.string(), z.number()).describe('Sum of the amounts per currency'),
      amount: z.number().describe('The largest of those sums'),
      currency: z.string().nullable(),
    }),
  ),
});
const tags = ['crm'];
const manage = { access: 'crm:write' } as const;

/** Pipelines (воронки) and their stages: read by everyone, changed by `manageCrm`. */
export const pipelineRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/pipelines',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The pipelines of deals (or of leads) with their stages',
        querystring: z.object({ entity: entity.default('deal') }),
        response: { 200: z.object({ items: z.array(pipeline) }), ...problems(400) },
      },
    },
    async (request) => ({ items: await listPipelines(rt.db.kysely, request.query.entity) }),
  );

  app.post(
    '/crm/pipelines',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a pipeline (manageCrm)',
        body: z.object({
          name,
          sort: z.number().int().optional(),
          entity: entity.optional(),
          stages: newStages,
        }),
        response: { 201: pipeline, ...problems(400, 403, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createPipeline(rt, request.caller, request.body)),
  );

  app.put(
    '/crm/pipelines/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rename a pipeline and set its stages (manageCrm)',
        description:
          'A stage with an id is kept, one without is new, one left out is removed (409 while deals are on it).',
        params: idParam,
        body: z.object({ name, sort: z.number().int().optional(), stages: keptStages }),
        response: { 200: pipeline, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updatePipeline(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/crm/pipelines/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a pipeline without deals (manageCrm)',
        params: idParam,
        response: { 204: z.null(), ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deletePipeline(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/crm/pipelines/:id/summary',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The deals the caller sees at each stage: how many, and their sums',
        params: idParam,
        response: { 200: summary, ...problems(404) },
      },
    },
    async (request) => ({ stages: await pipelineSummary(rt, request.caller, request.params.id) }),
  );
};
