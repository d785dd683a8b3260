import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An RFC 9457 problem detail: the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

export function problem(status: number, detail: string): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Client errors keep their message; server errors are logged and answered without internals. */
export function problemErrorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const status = statusOf(error);
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem(status, 'The server could not complete the request.'));
  }
  return sendProblem(reply, problem(status, error instanceof Error ? error.message : String(error)));
}

function statusOf(error: unknown): number {
  const code =
    typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
  return typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
}
