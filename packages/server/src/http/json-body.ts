import { MAX_JSON_DEPTH, pathTooDeep } from '@baton/engine';
import type { FastifyInstance } from 'fastify';
import { nulPath } from './nul-characters.ts';
import { invalidRequest } from './problem.ts';

/**
 * JSON bodies as Fastify parses them (malformed → 400, `__proto__` keys refused), and refused with
 * 400 naming the path when nested deeper than MAX_JSON_DEPTH — JSON.parse reads any depth, but the
 * JSON.stringify that stores a draft or an instance's state overflows the stack a few thousand levels
 * down, which answered 500 — or holding a NUL character (nul-characters.ts).
 */
export function parseJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string; // parseAs: 'string'
    parse(request, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const deep = pathTooDeep(value);
      if (deep) return done(invalidRequest('body', deep, TOO_DEEP), undefined);
      const nul = nulPath(text, value);
      if (nul) return done(invalidRequest('body', nul, 'contains a NUL character (\\u0000)'), undefined);
      done(null, value);
    });
  });
}

const TOO_DEEP = `nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`;
