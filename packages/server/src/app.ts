import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type ApiDeps, type AuthSettings, apiV1, DEFAULT_AUTH_SETTINGS } from './http/api-v1.ts';
import { compressResponses } from './http/compression.ts';
import { registerHealth } from './http/health.ts';
import { parseJsonBodies } from './http/json-body.ts';
import { refuseNulInUrls } from './http/nul-characters.ts';
import { registerOpenApi } from './http/openapi.ts';
import { problemErrorHandler } from './http/problem.ts';
import { strictValidatorCompiler } from './http/strict-validator.ts';
import type { Runtime } from './runtime/context.ts';
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
    // Longer path segments than Fastify's default 100 reach their route, whose schema says what is wrong.
    routerOptions: { maxParamLength: 1000 },
    trustProxy: options.trustProxy ?? false,
    // One line per request, written when it is answered (Fastify's own logging writes two).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  answerWithProblems(app);
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

  registerOpenApi(app);
  app.register(async (scope) => {
    registerHealth(scope, rt);
    const auth = { ...DEFAULT_AUTH_SETTINGS, ...options.auth };
    await scope.register((api) => apiV1(api, options.baton, auth), { prefix: '/api/v1' });
  });
  registerSpa(app, options.webRoot ?? defaultWebRoot);
  return app;
}

/** The HTTP side of `baton worker --health-port N`: `/health` and nothing else, unlogged (probes poll it). */
export function buildHealthApp(rt: Runtime): FastifyInstance {
  const app = Fastify({
    loggerInstance: rt.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  answerWithProblems(app);
  registerHealth(app, rt);
  return app;
}

/** Zod-validated requests and answers, every error as problem+json. */
function answerWithProblems(app: FastifyInstance): void {
  app.setValidatorCompiler(strictValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
}
