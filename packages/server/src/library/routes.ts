import { definitionKeySchema, TEMPLATE_ICONS } from '@baton/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { installTemplate, listLibrary } from './service.ts';

const item = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    icon: z.enum(TEMPLATE_ICONS).nullable(),
    roles: z.array(z.string()).describe('The roles its tasks go to (created on install where missing)'),
    installed: z.boolean().describe('A template with this key exists'),
  })
  .meta({ id: 'LibraryTemplate' });

const tags = ['library'];
/** The app's language when it differs from the user's locale (a choice made in the browser). */
const language = z.enum(['ru', 'en']).describe("Its words' language; default: the caller's locale");

/** The library of standard processes (vacation, onboarding, purchase, …), installable in one call. */
export const libraryRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/library',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: "The standard processes, in the caller's language (process administrators)",
        querystring: z.object({ language: language.optional() }),
        response: { 200: z.object({ items: z.array(item) }), ...problems(403) },
      },
    },
    async (request) => ({ items: await listLibrary(rt, request.caller, request.query.language) }),
  );

  app.post(
    '/library/:key/install',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: "Install a standard process as a template in the caller's language; creates its roles",
        params: z.object({ key: z.string() }),
        body: z
          .object({
            definitionKey: definitionKeySchema
              .optional()
              .describe(
                "The new template's key (default: the library key); 409 DEFINITION_EXISTS when taken",
              ),
            publish: z.boolean().default(false).describe('Publish it at once (default: leave a draft)'),
            language: language.optional(),
          })
          .nullish(),
        response: {
          201: z.object({
            key: z.string(),
            version: z.number().int(),
            status: z.enum(['draft', 'published']),
            rolesCreated: z.array(z.string()),
          }),
          ...problems(400, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const installed = await installTemplate(rt, request.caller, request.params.key, request.body ?? {});
      return reply.code(201).send(installed);
    },
  );
};
