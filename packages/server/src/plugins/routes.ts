import { fieldSchema } from '@baton/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../runtime/context.ts';

const wording = z.object({ en: z.string(), ru: z.string().optional() });

const customActivity = z
  .object({
    type: z.string().describe('`vendor.name`: the node type a template uses'),
    name: wording,
    description: wording.optional(),
    category: z.enum(['people', 'messages', 'documents', 'crm', 'data', 'flow']),
    inputs: z.array(fieldSchema).describe("What the node's `config.input` gives it: a CEL expression each"),
    outputs: z.array(fieldSchema).describe("What it answers: `config.output` names each one's variable"),
  })
  .meta({ id: 'CustomActivity' });

/** The custom activities of the plugins this server loaded, for the designer's palette and forms. */
export const activityRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/activities',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['definitions'],
        summary: "The plugins' custom activities",
        response: { 200: z.object({ items: z.array(customActivity) }) },
      },
    },
    async () => ({ items: rt.services?.descriptors() ?? [] }),
  );
};
