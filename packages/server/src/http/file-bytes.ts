import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { attachment, safeType } from '../documents/formats.ts';
import { Unprocessable, UnsupportedMediaType } from '../runtime/errors.ts';
import { nameProblem } from '../util/file-names.ts';

/** The largest file Baton keeps (files live in the database). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Lets the routes of `app`'s plugin take a file as its bytes (`application/octet-stream`), only there. */
export function acceptFileBytes(app: FastifyInstance): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
}

/** The query an upload names its file by. */
export const uploadQuery = {
  name: z.string().describe('The file’s name, e.g. Договор поставки.pdf'),
  type: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type such as application/pdf')
    .optional()
    .describe('Its media type (default: from the name’s extension)'),
};

/** An upload's bytes, once they came as bytes (415 otherwise), are not empty and its name is one (422). */
export function uploadedBytes(body: unknown, name: string): Buffer {
  if (!Buffer.isBuffer(body))
    throw new UnsupportedMediaType(
      "send the file's bytes as they are, with Content-Type application/octet-stream",
    );
  const problem = nameProblem(name);
  if (problem)
    throw new Unprocessable(`querystring.name: ${problem}`, [{ path: 'querystring.name', message: problem }]);
  if (body.length === 0)
    throw new Unprocessable('body: the file is empty', [{ path: 'body', message: 'the file is empty' }]);
  return body;
}

/** Sends a stored file as a download: its type if well-formed, its name, never sniffed. */
export function sendFile(
  reply: FastifyReply,
  file: { name: string; contentType: string; sha256: string; content: Buffer },
): FastifyReply {
  return reply
    .type(safeType(file.contentType))
    .header('content-disposition', attachment(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${file.sha256}"`)
    .send(file.content);
}
