import { STATUS_CODES } from 'node:http';
import { EventRejected, type RejectionCode } from '@baton/engine';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One offending input value, by its path in the request (`body.params`, `variables.amount`, `users.7.department`). */
export interface FieldError {
  path: string;
  message: string;
  /** For a CSV import: the row, numbered as a spreadsheet shows it (the header is row 1). */
  row?: number;
}

/**
 * An RFC 9457 problem detail: the body of every error response. `code` is stable (clients branch on
 * it), `errors` names each failing field, `problems` lists definition problems (compile or import).
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
  problems?: unknown[];
}

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, ...extra };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Engine refusals as HTTP: the event cannot apply to the instance as it is now. */
const REJECTION_STATUS: Record<RejectionCode, number> = {
  NOT_RUNNING: 409,
  ALREADY_STARTED: 409,
  NOT_STARTED: 409,
  TASK_NOT_OPEN: 409,
  NO_ASSIGNEES: 422,
  TIMER_NOT_PENDING: 409,
  MESSAGE_NOT_CORRELATED: 404,
  COMMAND_NOT_AVAILABLE: 409,
  COMMAND_NOT_ALLOWED: 403,
  INVALID_PARAMS: 422,
  COMMENT_REQUIRED: 422,
};

/** Fastify's own client errors, under codes of ours. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_CONTENT_LENGTH',
};

/**
 * Maps every error to a problem: request validation → 400 with the failing paths, engine refusals and
 * service errors (NotFound, Conflict, Unprocessable) → their status with `code` and `errors`. Client
 * errors keep their message; server errors are logged and answered without internals.
 */
export function problemErrorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (isValidationError(error)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return sendProblem(reply, problem(400, detail, { code: 'VALIDATION', errors }));
  }
  if (error instanceof EventRejected) {
    const status = REJECTION_STATUS[error.code];
    const errors = error.problems.length > 0 ? { errors: error.problems } : {};
    return sendProblem(reply, problem(status, error.message, { code: error.code, ...errors }));
  }
  const status = statusOf(error);
  const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem(status, 'The server could not complete the request.'));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return sendProblem(reply, problem(status, detail, extrasOf(error)));
}

function statusOf(error: unknown): number {
  const code =
    typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
  return typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
}

/** `code`, `errors` and `problems` carried by service errors (runtime/errors.ts) and Fastify's. */
function extrasOf(error: unknown): Partial<Problem> {
  if (typeof error !== 'object' || error === null) return {};
  const e = error as { code?: unknown; errors?: unknown; problems?: unknown };
  const out: Partial<Problem> = {};
  if (typeof e.code === 'string') {
    const mapped = e.code.startsWith('FST_') ? FASTIFY_CODES[e.code] : e.code;
    if (mapped) out.code = mapped;
  } else if (statusOf(error) === 404) out.code = 'NOT_FOUND';
  if (Array.isArray(e.errors)) out.errors = e.errors as FieldError[];
  if (Array.isArray(e.problems)) out.problems = e.problems;
  return out;
}

/**
 * A request refused before its schema is checked (json-body.ts, nul-characters.ts), in the shape of
 * Fastify's validation errors so that it is answered like them: 400 `VALIDATION` naming `<part>.<path>`.
 */
export function invalidRequest(part: string, path: readonly (string | number)[], message: string): Error {
  return Object.assign(new Error(message), {
    statusCode: 400,
    validationContext: part,
    validation: [{ instancePath: path.map((key) => `/${key}`).join(''), message }],
  });
}

/** Fastify's request validation failure: zod's issues, or fields no schema declares (strict-validator.ts). */
function isValidationError(
  error: unknown,
): error is { validation: { instancePath: string; message?: string }[]; validationContext?: string } {
  const validation = (error as { validation?: unknown } | null)?.validation;
  return Array.isArray(validation) && validation.length > 0;
}
