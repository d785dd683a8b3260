import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SCOPE_MEANING, SCOPES } from '../access/scopes.ts';
import { serializeCookie } from '../http/cookies.ts';
import { isoTime, problems } from '../http/schemas.ts';
import { setEmailPreferences } from '../mail/preferences.ts';
import { userSchema } from '../org/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { createApiToken, listApiTokens, MAX_TOKENS_PER_USER, revokeApiToken } from './api-tokens.ts';
import type { LoginLimits } from './rate-limit.ts';
import { me, signIn, signOut } from './service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions.ts';

export interface AuthRouteOptions {
  rt: Runtime;
  /** Mark cookies `Secure` (Baton is reached over HTTPS, e.g. behind a TLS-terminating proxy). */
  secureCookies: boolean;
  sessionTtlMs: number;
  loginLimits: LoginLimits;
}

const scope = z.enum(SCOPES).describe(
  Object.entries(SCOPE_MEANING)
    .map(([s, m]) => `${s}: ${m}`)
    .join('; '),
);
const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(scope),
    createdAt: isoTime,
    expiresAt: isoTime.nullable(),
    lastUsedAt: isoTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
const tags = ['auth'];

/** What a person wants by e-mail. */
const emailPreferences = z
  .object({
    tasks: z.boolean().describe('"New task" when a task is handed to them'),
    notifications: z.boolean().describe('A copy of each of their notifications'),
  })
  .meta({ id: 'EmailPreferences' });

/** Sign-in with a session cookie, sign-out, who am I, e-mail preferences, and personal API tokens. */
export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, options) => {
  const { rt } = options;
  const setCookies = (reply: FastifyReply, session: string, csrf: string, maxAge: number) =>
    reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, session, { httpOnly: true, secure: options.secureCookies, maxAge }),
      serializeCookie(CSRF_COOKIE, csrf, { httpOnly: false, secure: options.secureCookies, maxAge }),
    ]);

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in: a session cookie (httpOnly) and a CSRF token for unsafe requests',
        description:
          'Sets `baton_session` (httpOnly, SameSite=Lax) and `baton_csrf` (readable). Send the CSRF token as ' +
          '`X-CSRF-Token` with every POST, PUT, PATCH and DELETE made with the session. Too many failures for ' +
          'a login or from an address: 429 with Retry-After.',
        security: [],
        body: z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
        response: {
          200: z.object({ user: userSchema, csrfToken: z.string(), expiresAt: isoTime }),
          ...problems(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn(
        rt,
        { ...request.body, ip: request.ip },
        { limits: options.loginLimits, sessionTtlMs: options.sessionTtlMs },
      );
      setCookies(reply, signedIn.sessionId, signedIn.csrfToken, options.sessionTtlMs / 1000);
      return {
        user: signedIn.user,
        csrfToken: signedIn.csrfToken,
        expiresAt: new Date(signedIn.expiresAt).toISOString(),
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Sign out: the session ends and its cookies are cleared',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await signOut(rt, request.sessionId);
      setCookies(reply, '', '', 0);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'The signed-in user, how they authenticated, their scopes and abilities',
        response: {
          200: z.object({
            user: userSchema,
            via: z.enum(['session', 'apiToken', 'adminToken']),
            scopes: z.array(scope),
            abilities: z.array(z.string()),
            reports: z
              .boolean()
              .describe(
                "Sees every run of some template (all work, or a template's view right): may read its report",
              ),
            emailPreferences,
            teamSize: z
              .number()
              .int()
              .describe(
                'How many people report to them, directly or not (their tasks: GET /tasks?scope=subordinates)',
              ),
          }),
        },
      },
    },
    async (request) => me(rt, request.caller),
  );

  app.patch(
    '/auth/me/email-preferences',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Choose what the signed-in user gets by e-mail (when the server sends e-mail)',
        body: z.object({
          tasks: z.boolean().optional().describe('"New task" when a task is handed to me'),
          notifications: z.boolean().optional().describe('A copy of each of my notifications'),
        }),
        response: { 200: emailPreferences, ...problems(400, 404) },
      },
    },
    async (request) => setEmailPreferences(rt.db.kysely, request.caller.userId, request.body, rt.now()),
  );

  app.post(
    '/auth/tokens',
    {
      config: { access: 'interactive' },
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown in this answer only)',
        description:
          'Send it as `Authorization: Bearer baton_…`. It acts as you, limited to its scopes. ' +
          `A user holds at most ${MAX_TOKENS_PER_USER} live tokens: one more is 409 \`TOO_MANY_TOKENS\`.`,
        body: z.object({
          name: z.string().trim().min(1).max(200),
          scopes: z.array(scope).min(1),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: tokenSchema.extend({ token: z.string() }), ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const created = await createApiToken(rt, request.caller, {
        ...rest,
        expiresAt: expiresAt === undefined ? undefined : Date.parse(expiresAt),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/auth/tokens',
    {
      config: { access: 'interactive' },
      schema: {
        tags,
        summary: 'My API tokens (without secrets)',
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
    },
    async (request) => ({ items: await listApiTokens(rt, request.caller) }),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      config: { access: 'interactive' },
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: z.object({ id: z.string() }),
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
