import type { FastifyInstance } from 'fastify';
import { definitionRoutes } from '../definitions/routes.ts';
import { instanceRoutes } from '../instances/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { messageRoutes } from '../messages/routes.ts';
import type { Runtime } from '../runtime/context.ts';
import { taskRoutes } from '../tasks/routes.ts';
import { bearerAuth } from './auth.ts';

export interface ApiDeps {
  rt: Runtime;
  verifyAdminToken: (token: string) => boolean;
}

/**
 * `/api/v1`: every route behind the bearer token, one plugin per domain. XML bodies (BPMN) are read as
 * strings; JSON uses Fastify's parser (malformed → 400, over the body limit → 413).
 */
export async function apiV1(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.addHook('onRequest', bearerAuth(deps.verifyAdminToken));
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  const rt = deps.rt;
  await app.register(definitionRoutes, { rt });
  await app.register(instanceRoutes, { rt });
  await app.register(taskRoutes, { rt });
  await app.register(messageRoutes, { rt });
  await app.register(jobRoutes, { rt });
}
