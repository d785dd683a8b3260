import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { getRights, setRights } from './definition-rights.ts';

const keyParam = z.object({ key: z.string() });
const subjects = z
  .array(z.string().min(1).max(200))
  .max(1000)
  .describe('everyone, user:<id>, role:<name>, department:<id> (and the departments below it), group:<name>');
const rights = z.object({
  start: subjects.describe('Who may start it'),
  view: subjects.describe('Who sees all of its instances'),
  edit: subjects.describe('Who may change drafts, publish and set these rights'),
});
const rightsView = rights
  .extend({
    key: z.string(),
    explicit: z.boolean().describe('false: the defaults apply (start: everyone; view, edit: nobody)'),
    updatedAt: isoTime.nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'DefinitionRights' });
const tags = ['definitions'];

/** Who may start, see and edit a template (administrators and process administrators always may). */
export const rightsRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/definitions/:key/rights',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: "A template's rights",
        params: keyParam,
        response: { 200: rightsView, ...problems(404) },
      },
    },
    async (request) => getRights(rt, request.caller, request.params.key),
  );

  app.put(
    '/definitions/:key/rights',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: "Replace a template's rights (needs the edit right)",
        params: keyParam,
        body: rights,
        response: { 200: rightsView, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => setRights(rt, request.caller, request.params.key, request.body),
  );
};
