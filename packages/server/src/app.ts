import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { type ApiDeps, type AuthSettings, apiV1, DEFAULT_AUTH_SETTINGS } from './http/api-v1.ts';
import { compressResponses } from './http/compression.ts';
import { parseJsonBodies } from './http/json-body.ts';
import { refuseNulInUrls } from './http/nul-characters.ts';
import { registerOpenApi } from './http/openapi.ts';
import { problem, problemErrorHandler, sendProblem } from './http/problem.ts';
import { problems } from './http/schemas.ts';
import { strictValidatorCompiler } from './http/strict-validator.ts';
import { defaultWebRoot, registerSpa } from './web/spa.ts';

/** Largest request body: bigger ones are answered 413 before they are read to the end. */
export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** The booted runtime (runtime/boot.ts): its database, clock and logger, and the admin token check. */
  baton: ApiDeps;
  /** Folder holding the built web app (index.html and its assets); defaults to packages/web/dist. */
  webRoot?: string;
  /** Sign-in: `Secure` cookies, session lifetime, login limits (defaults in http/api-v1.ts). */
  auth?: Partial<AuthSettings>;
  /**
   * Trust `X-Forwarded-*` from a reverse proxy (Fastify's `trustProxy`: true, or the proxy's addresses):
   * the client's address for login limits is then the one the proxy saw.
   */
  trustProxy?: boolean | string;
}

/**
 * Builds the HTTP application without listening, so tests can drive it with `inject`: `/health`, the
 * REST API under `/api/v1`, its OpenAPI description at `/api/docs`, and the web app. Each answered
 * request is one line of the runtime's pino logger: method, URL, status and time — never headers or body.
 *
 * @example
 * const baton = await boot({ databaseUrl: 'sqlite:./data/baton.db', worker: true });
 * const app = buildApp({ baton });
 * await app.listen({ port: 3000 });
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const { rt } = options.baton;
  const app = Fastify({
    loggerInstance: rt.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // One line per request, written when it is answered (Fastify's own logging writes two).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { method: request.method, url: request.url, status: reply.statusCode, ms: reply.elapsedTime },
      'request',
    );
    done();
  });
  compressResponses(app);
  refuseNulInUrls(app);
  parseJsonBodies(app);
  app.setValidatorCompiler(strictValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);

  registerOpenApi(app);
  app.register(async (scope) => {
    scope.get(
      '/health',
      {
        schema: {
          summary: 'Readiness: 200 once the database answers (it is migrated before the server listens)',
          security: [],
          response: { 200: z.object({ status: z.literal('ok') }), ...problems(503) },
        },
      },
      async (_request, reply) => {
        try {
          await sql`select 1`.execute(rt.db.kysely);
        } catch (error) {
          scope.log.warn({ err: error }, 'health: database does not answer');
          return sendProblem(reply, problem(503, 'the database does not answer', { code: 'NOT_READY' }));
        }
        return { status: 'ok' as const };
      },
    );
    const auth = { ...DEFAULT_AUTH_SETTINGS, ...options.auth };
    await scope.register((api) => apiV1(api, options.baton, auth), { prefix: '/api/v1' });
  });
  registerSpa(app, options.webRoot ?? defaultWebRoot);
  return app;
}
