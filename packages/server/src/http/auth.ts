import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem.ts';

/** Accepted tokens remembered (as SHA-256 digests) so a request does not pay for scrypt each time. */
const MEMO_LIMIT = 64;

/**
 * An `onRequest` hook: the request must carry `Authorization: Bearer <token>` and the token must pass
 * `verify`; otherwise 401 problem+json. The token itself is never logged or echoed.
 */
export function bearerAuth(verify: (token: string) => boolean) {
  const accepted = new Set<string>();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const token = match?.[1];
    if (token !== undefined) {
      const digest = createHash('sha256').update(token).digest('hex');
      if (accepted.has(digest)) return;
      if (verify(token)) {
        if (accepted.size >= MEMO_LIMIT) accepted.clear();
        accepted.add(digest);
        return;
      }
    }
    const detail =
      token === undefined
        ? 'this endpoint needs Authorization: Bearer <token>'
        : 'the bearer token is not valid';
    reply.header('www-authenticate', 'Bearer');
    return sendProblem(reply, problem(401, detail, { code: 'UNAUTHORIZED' }));
  };
}
