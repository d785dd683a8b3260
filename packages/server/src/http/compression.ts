import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Responses over 1 KiB go out compressed to clients that accept it (browsers do): brotli, else gzip.
 * An instance of 2,000 tasks is 2.6 MB of JSON with its history, lists of 50 tasks tens of KB — on a
 * phone's connection that is the wait. Brotli at quality 4 compresses about as well as gzip's best at
 * a fraction of its time (quality 11 is for the web app's files, compressed once at build: web/spa.ts).
 * Register before the routes; Server-Sent Events bypass it (their route writes the raw stream).
 */
export function compressResponses(app: FastifyInstance): void {
  app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
