import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '../http/problem.ts';

/** Where `npm run build -w @baton/web` writes the web app. */
export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the built single-page app from `root`: its files as they are — brotli or gzip variants the
 * build wrote beside them (`scripts/precompress.ts` in the web package) to browsers that accept them —
 * and index.html for every other GET outside /api, so client-side routes survive a reload. Unknown
 * /api paths and other methods get a problem+json 404. Whether the app is built is checked once, at start.
 */
export function registerSpa(app: FastifyInstance, root: string): void {
  const built = existsSync(join(root, 'index.html'));
  const cacheFor = (res: SetHeadersResponse, path: string) => {
    res.setHeader('cache-control', isHashedAsset(root, path) ? KEEP : REVALIDATE);
    res.setHeader('vary', 'accept-encoding'); // the variant sent depends on it
  };
  // cacheControl: false, or send's own header (max-age=0) would replace ours.
  if (built)
    app.register(fastifyStatic, { root, preCompressed: true, cacheControl: false, setHeaders: cacheFor });

  app.setNotFoundHandler((request, reply) => {
    if (!isPageRequest(request)) {
      return sendProblem(reply, problem(404, `No route for ${request.method} ${request.url}`));
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          `The Baton web app is not built (${join(root, 'index.html')} is missing).\n` +
            'Run `npm run build` in the repository root, then restart the server.\n',
        );
    }
    return reply.sendFile('index.html');
  });
}

function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0];
  const api = path === '/api' || path?.startsWith('/api/');
  return !api && (request.method === 'GET' || request.method === 'HEAD');
}

/** Files under assets/ carry a hash of their content in their names: a browser may keep them for good. */
const KEEP = 'public, max-age=31536000, immutable';
/** index.html and the rest are checked on every load, so a new version shows at once. */
const REVALIDATE = 'no-cache';

const isHashedAsset = (root: string, path: string) => relative(root, path).startsWith(`assets${sep}`);
