import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import {
  createWebForm,
  deleteWebForm,
  FORM_FIELDS,
  listWebForms,
  publicForm,
  submitForm,
  updateWebForm,
} from './web-forms.ts';

const fieldSpec = z.object({
  field: z.enum(FORM_FIELDS).describe("The lead's detail it fills"),
  label: z.string().trim().min(1).max(200).describe('What visitors read'),
  required: z.boolean().default(false),
});
const input = z.object({
  name: z.string().trim().min(1).max(200).describe('For the CRM: the lead source reads "web form: <name>"'),
  title: z.string().trim().min(1).max(300).describe('The heading visitors see'),
  fields: z.array(fieldSpec).min(1).max(FORM_FIELDS.length),
  successText: z.string().trim().min(1).max(2000).describe('Shown after sending'),
  pipelineId: z.string().min(1).describe('The lead pipeline its leads go to'),
  responsibleId: z.string().min(1).describe('Who leads its leads'),
  active: z.boolean().optional().describe('Default true; a form switched off answers 404'),
});
const form = input
  .extend({
    id: z.string(),
    token: z.string().describe('The public address: /forms/<token> in the web app'),
    fields: z.array(fieldSpec.required()),
    active: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CrmWebForm' });
const publicView = z.object({
  title: z.string(),
  fields: z.array(fieldSpec.required()),
  successText: z.string(),
});
const tags = ['crm'];

/** Web forms: set up by `manageCrm`, filled in by anyone through their token. */
export const webFormRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/web-forms',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'The web forms (manageCrm)',
        response: { 200: z.object({ items: z.array(form) }), ...problems(403) },
      },
    },
    async (request) => ({ items: await listWebForms(rt, request.caller) }),
  );
  app.post(
    '/crm/web-forms',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Create a web form (manageCrm)',
        body: input,
        response: { 201: form, ...problems(400, 403, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createWebForm(rt, request.caller, request.body)),
  );
  app.put(
    '/crm/web-forms/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change a web form (manageCrm); its address stays',
        params: z.object({ id: z.string() }),
        body: input,
        response: { 200: form, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => updateWebForm(rt, request.caller, request.params.id, request.body),
  );
  app.delete(
    '/crm/web-forms/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Delete a web form (manageCrm)',
        params: z.object({ id: z.string() }),
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteWebForm(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/public/web-forms/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A web form as visitors see it (no sign-in); 404 when there is none or it is off',
        params: z.object({ token: z.string().max(100) }),
        response: { 200: publicView, ...problems(404) },
      },
    },
    async (request) => publicForm(rt, request.params.token),
  );
  app.post(
    '/public/web-forms/:token',
    {
      config: { access: 'public' },
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary: 'Send a web form (no sign-in): it makes a lead',
        description:
          `At most 5 sends from one address in 10 minutes (429 TOO_MANY_SUBMISSIONS with Retry-After). ` +
          '`website` is a field people never see: a send that fills it is answered as if taken and dropped.',
        params: z.object({ token: z.string().max(100) }),
        body: z.object({
          values: z.partialRecord(z.enum(FORM_FIELDS), z.string().max(5000)),
          website: z.string().max(500).optional().describe('Left empty by people (a trap for scripts)'),
        }),
        response: { 201: z.object({ successText: z.string() }), ...problems(400, 404, 413, 422, 429) },
      },
    },
    async (request, reply) => {
      const { values, website } = request.body;
      if (website) return reply.code(201).send(await publicForm(rt, request.params.token));
      return reply.code(201).send(await submitForm(rt, request.params.token, values, request.ip));
    },
  );
};
