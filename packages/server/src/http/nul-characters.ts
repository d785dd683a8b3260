import type { FastifyInstance } from 'fastify';
import { invalidRequest } from './problem.ts';

/**
 * NUL characters are refused wherever a request carries text: PostgreSQL's text columns cannot hold
 * them (SQLite can), so `a%00b` as an id or a name with `\u0000` answered 500 on one dialect and was
 * stored on the other. No name, id or business value needs one.
 */
export function refuseNulInUrls(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url)) throw invalidRequest('url', [], 'contains a NUL character (%00)');
  });
}

/** A `\u0000` escape in JSON text (not an escaped backslash followed by `u0000`). */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

/**
 * The path to the first key or string in parsed JSON `value` holding a NUL character, or undefined.
 * `text` is the JSON it was parsed from: most bodies hold no `\u0000` escape and are not walked. The
 * value is at most MAX_JSON_DEPTH deep (json-body.ts checks that first), so recursion is safe.
 */
export function nulPath(text: string, value: unknown): (string | number)[] | undefined {
  return ESCAPED_NUL.test(text) ? find(value, []) : undefined;
}

function find(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  for (const [key, child] of entries) {
    const at = [...path, typeof key === 'string' ? key.replaceAll('\u0000', '\\u0000') : key];
    if (typeof key === 'string' && key.includes('\u0000')) return at;
    const found = find(child, at);
    if (found) return found;
  }
  return undefined;
}
