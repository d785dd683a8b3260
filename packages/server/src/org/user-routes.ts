import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { page, pageQuery, problems, queryBoolean } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { newUserBody, passwordField, userChangesBody, userSchema } from './schemas.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.ts';

const idParam = z.object({ id: z.string() });
const tags = ['organisation'];

/** Users: the directory (any signed-in user), changes (administrators). */
export const userRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/users',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'List users by login',
        querystring: z.object({
          departmentId: z.string().optional().describe('Members of this department (not of those below it)'),
          role: z.string().optional().describe('Holders of this role (in any department)'),
          group: z.string().optional(),
          active: queryBoolean.optional(),
          below: z
            .string()
            .optional()
            .describe(
              'Those who report to this user, directly or through heads in between (a head: my team)',
            ),
          ...pageQuery,
        }),
        response: { 200: page(userSchema), ...problems(400) },
      },
    },
    async (request) => listUsers(rt, request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'Get a user',
        params: idParam,
        response: { 200: userSchema, ...problems(404) },
      },
    },
    async (request) => getUser(rt.db.kysely, request.params.id),
  );

  app.post(
    '/users',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Create a user',
        body: newUserBody,
        response: { 201: userSchema, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(rt, request.caller, request.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Change a user; `active: false` deactivates them (their sessions end)',
        params: idParam,
        body: userChangesBody,
        response: { 200: userSchema, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updateUser(rt, request.caller, request.params.id, request.body),
  );

  app.post(
    '/users/:id/password',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: "Set a user's password (administrators); every session of the user ends",
        params: idParam,
        body: z.object({ password: passwordField }),
        response: { 204: z.null(), ...problems(400, 403, 404) },
      },
    },
    async (request, reply) => {
      await resetPassword(rt, request.caller, request.params.id, request.body.password);
      return reply.code(204).send(null);
    },
  );
};
