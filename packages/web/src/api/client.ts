import { fileNameOf } from './content-disposition.ts';
import type { Operations } from './schema.gen.ts';

/** Every endpoint, as `"METHOD /path"` (src/api/schema.gen.ts, generated from the server's OpenAPI). */
export type Endpoint = keyof Operations;
export type Answer<E extends Endpoint> = Operations[E]['response'];
export type Query<E extends Endpoint> = Exclude<Operations[E]['query'], never>;
export type Body<E extends Endpoint> = Operations[E]['body'];

type Part<Name extends string, T, Optional extends boolean> = [T] extends [never]
  ? { [K in Name]?: never }
  : Optional extends true
    ? { [K in Name]?: T }
    : { [K in Name]: T };

/** What a call needs: path parameters, query and body exactly as the endpoint declares them. */
export type CallArgs<E extends Endpoint> = Part<'path', Operations[E]['path'], false> &
  Part<'query', Operations[E]['query'], true> &
  Part<'body', Operations[E]['body'], false> & { signal?: AbortSignal; headers?: Record<string, string> };

export interface FieldError {
  path: string;
  message: string;
}

/** A problem+json answer (RFC 9457) as an error: its status, stable code and per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: readonly FieldError[];

  constructor(status: number, code: string, message: string, errors: readonly FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  /** The errors under one path prefix, keyed by the rest of the path: `params.days` → `days`. */
  fieldErrors(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      if (e.path.startsWith(`${prefix}.`)) out[e.path.slice(prefix.length + 1)] ??= e.message;
    }
    return out;
  }
}

export const CSRF_COOKIE = 'baton_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The readable half of the double-submit pair the server set at sign-in. */
export function csrfToken(cookies: string = document.cookie): string | null {
  for (const pair of cookies.split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

let onUnauthorized: () => void = () => {};
/** What to do when the session has ended (a 401): the auth module clears the signed-in user. */
export function handleUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export function urlOf(template: string, path?: Record<string, string>, query?: object): string {
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined) throw new Error(`${template}: path parameter ${name} is missing`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const qs = search.toString();
  return qs ? `${url}?${qs}` : url;
}

/**
 * Sends one request with the session cookie (and the CSRF token on unsafe methods); a refusal throws.
 * `bytes`, when given, is the body as it is (an upload) instead of `args.body`.
 */
async function send<E extends Endpoint>(
  endpoint: E,
  args: CallArgs<E>,
  accept: string,
  bytes?: Blob,
): Promise<Response> {
  const space = endpoint.indexOf(' ');
  const method = endpoint.slice(0, space);
  const url = urlOf(endpoint.slice(space + 1), args.path as Record<string, string> | undefined, args.query);
  const headers: Record<string, string> = { accept, ...args.headers };
  let body: string | Blob | undefined;
  if (bytes !== undefined) {
    body = bytes;
    headers['content-type'] ??= 'application/octet-stream';
  } else if (args.body !== undefined) {
    body = typeof args.body === 'string' ? args.body : JSON.stringify(args.body);
    headers['content-type'] ??= typeof args.body === 'string' ? 'application/xml' : 'application/json';
  }
  if (!SAFE.has(method)) {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  const response = await fetch(url, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    ...(args.signal ? { signal: args.signal } : {}),
  });
  if (response.ok) return response;
  const data: unknown = await readBody(response);
  const problem = (typeof data === 'object' && data !== null ? data : {}) as {
    code?: string;
    detail?: string;
    title?: string;
    errors?: FieldError[];
  };
  if (response.status === 401 && !url.endsWith('/auth/login')) onUnauthorized();
  throw new ApiError(
    response.status,
    problem.code ?? `HTTP_${response.status}`,
    problem.detail ?? problem.title ?? response.statusText,
    problem.errors ?? [],
  );
}

const readBody = (response: Response): Promise<unknown> =>
  (response.headers.get('content-type') ?? '').includes('json') ? response.json() : response.text();

/**
 * Calls one endpoint with the session cookie (and the CSRF token on unsafe methods); resolves with the
 * typed answer, rejects with an ApiError.
 *
 * @example
 * const page = await call('GET /api/v1/tasks', { query: { scope: 'mine', status: 'open' } });
 */
export async function call<E extends Endpoint>(
  endpoint: E,
  args: CallArgs<E> = {} as CallArgs<E>,
): Promise<Answer<E>> {
  return answerOf<E>(await send(endpoint, args, 'application/json'));
}

const answerOf = async <E extends Endpoint>(response: Response): Promise<Answer<E>> =>
  (response.status === 204 ? null : await readBody(response)) as Answer<E>;

/**
 * Sends a file's bytes as they are (`Content-Type: application/octet-stream`) to an endpoint that takes
 * them so; resolves with the typed answer, rejects with an ApiError as `call` does.
 *
 * @example
 * const file = await callWithBytes('POST /api/v1/drive/folders/{id}/files', { path: { id }, query: { name } }, picked);
 */
export async function callWithBytes<E extends Endpoint>(
  endpoint: E,
  args: CallArgs<E>,
  bytes: Blob,
): Promise<Answer<E>> {
  return answerOf<E>(await send(endpoint, args, 'application/json', bytes));
}

/** A file the server answered with, and the name its Content-Disposition gives it. */
export interface ReceivedFile {
  blob: Blob;
  fileName: string | null;
}

/**
 * Calls an endpoint that answers with a file (a document made on request) and reads it as bytes; a
 * refusal is an ApiError as with `call`. A file the server keeps is better a plain link (`urlOf`).
 *
 * @example
 * const file = await callForFile('POST /api/v1/document-templates/{key}/preview', { path: { key }, body });
 */
export async function callForFile<E extends Endpoint>(endpoint: E, args: CallArgs<E>): Promise<ReceivedFile> {
  const response = await send(endpoint, args, '*/*');
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('content-disposition')),
  };
}
