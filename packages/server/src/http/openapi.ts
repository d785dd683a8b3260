import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * OpenAPI 3.1 generated from the routes' zod schemas: JSON at /api/docs/json, Swagger UI at /api/docs.
 * The UI's assets come from @fastify/swagger-ui's own folder (no CDN) and it never calls the public
 * validator service.
 */
export function registerOpenApi(app: FastifyInstance): void {
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baton API',
        version: '1',
        description:
          'Process definitions, instances, tasks, messages, the job outbox, the organisation and sign-in. ' +
          'Every /api/v1 route but POST /auth/login needs credentials: a session (the `baton_session` cookie ' +
          'from POST /auth/login; unsafe methods also send `X-CSRF-Token`), a personal API token ' +
          '(`Authorization: Bearer baton_…`, limited to its scopes) or the bootstrap admin token. ' +
          'Errors are application/problem+json with a stable `code` and, for bad input, `errors[{ path, message }]`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'baton_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null, persistAuthorization: false },
  });
}
