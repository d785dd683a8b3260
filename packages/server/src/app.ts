import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { problemErrorHandler } from './http/problem.ts';
import { defaultWebRoot, registerSpa } from './web/spa.ts';

export interface AppOptions {
  /** Folder holding the built web app (index.html and its assets); defaults to packages/web/dist. */
  webRoot?: string;
  /** Fastify's logger option; off by default so tests stay quiet. */
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the HTTP application without listening, so tests can drive it with `inject`.
 *
 * @example
 * const app = buildApp({ webRoot: '/srv/baton/web' });
 * await app.listen({ port: 3000 });
 */
export function buildApp(options: AppOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  app.setErrorHandler(problemErrorHandler);
  app.get('/health', async () => ({ status: 'ok' }));
  registerSpa(app, options.webRoot ?? defaultWebRoot);
  return app;
}
