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
          'Process definitions, instances, tasks, messages and the job outbox. Every /api/v1 route needs ' +
          '`Authorization: Bearer <token>` (the admin token printed on first start, or BATON_ADMIN_TOKEN). ' +
          'Errors are application/problem+json with a stable `code` and, for bad input, `errors[{ path, message }]`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null, persistAuthorization: false },
  });
}
