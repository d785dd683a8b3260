import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jsonObject, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { correlate } from './service.ts';

/** Messages from outside (a payment arrived, a client answered) to the instance waiting for them. */
export const messageRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.post(
    '/messages',
    {
      config: { access: 'processes:write' },
      schema: {
        tags: ['messages'],
        summary: 'Correlate a message to the instance waiting for it',
        body: z.object({
          name: z
            .string()
            .min(1)
            .refine((name) => !name.startsWith('baton.'), "names starting with 'baton.' are Baton's own"),
          correlationKey: z.string().nullable().optional(),
          payload: jsonObject.optional().describe('Becomes variables of the receiving instance'),
        }),
        response: { 200: z.object({ instanceId: z.string() }), ...problems(400, 403, 404) },
      },
    },
    async (request) => correlate(rt, request.caller, request.body),
  );
};
