import { MAX_JSON_DEPTH, pathTooDeep } from '@baton/engine';
import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies as Fastify parses them (malformed → 400, `__proto__` keys refused), and refused with
 * 400 naming the path when nested deeper than MAX_JSON_DEPTH: JSON.parse reads any depth, but the
 * JSON.stringify that stores a draft or an instance's state overflows the stack a few thousand levels
 * down, which would answer 500 after the request had been half processed.
 */
export function parseJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    parse(request, body, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const path = pathTooDeep(value);
      if (path) return done(tooDeep(path), undefined);
      done(null, value);
    }),
  );
}

/** In the shape of Fastify's validation errors, which problem.ts answers with `body.<path>`. */
const tooDeep = (path: (string | number)[]) =>
  Object.assign(new Error(`the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`), {
    statusCode: 400,
    validationContext: 'body',
    validation: [
      {
        instancePath: `/${path.join('/')}`,
        message: `nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`,
      },
    ],
  });
