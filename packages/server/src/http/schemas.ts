import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../db/page.ts';

/** The body of every error response (application/problem+json). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().optional().describe('Stable error code, e.g. TASK_NOT_OPEN, VALIDATION'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), row: z.number().int().optional() }))
      .optional()
      .describe('Each failing field, by its path in the request'),
    problems: z.array(z.unknown()).optional().describe('Definition problems (compile or BPMN import)'),
  })
  .meta({ id: 'Problem' });

const problemResponse = {
  description: 'A problem (RFC 9457)',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/** Error responses a route documents, e.g. `problems(400, 404)`: application/problem+json bodies. */
export function problems<S extends number>(...statuses: S[]): Record<S, typeof problemResponse> {
  return Object.fromEntries(statuses.map((s) => [s, problemResponse])) as Record<S, typeof problemResponse>;
}

/** Epoch milliseconds as ISO 8601 (every time the API returns). */
export const isoTime = z.iso.datetime();

/** Any JSON object (process variables, parameters, payloads). */
export const jsonObject = z.record(z.string(), z.unknown());

export const pageQuery = {
  cursor: z.string().optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().describe('Items per page (default 50)'),
};

/** `true`/`false` in a query string. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * Someone other than the caller recorded as acting (`startedBy`, `actor`): administrators only (an
 * integration acting on behalf of a user); anyone else gets 403 unless it is their own id.
 */
export const actorField = z
  .string()
  .min(1)
  .optional()
  .describe('Record this user id as acting instead of the caller (administrators only; default: the caller)');
