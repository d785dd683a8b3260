import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ALL_SCOPES, adminTokenCaller, type Caller, callerFor } from '../access/caller.ts';
import type { RouteAccess } from '../access/scopes.ts';
import { findApiToken, TOKEN_PREFIX } from '../auth/api-tokens.ts';
import { digest, sameDigest } from '../auth/passwords.ts';
import { CSRF_HEADER, findSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Runtime } from '../runtime/context.ts';
import { parseCookies } from './cookies.ts';
import { problem, sendProblem } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; set by the `authenticate` hook on every route that is not public. */
    caller: Caller;
    /** The stored id of the session the request came with (for sign-out), else null. */
    sessionId: string | null;
  }
}

/** Accepted admin tokens remembered (as SHA-256 digests) so a request does not pay for scrypt each time. */
const MEMO_LIMIT = 64;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses to register an /api/v1 route that does not say who may call it (`config.access`). */
export function requireAccessConfig(route: RouteOptions): void {
  const access = route.config?.access;
  if (access === undefined) throw new Error(`${route.method} ${route.url}: config.access is missing`);
}

/**
 * An `onRequest` hook (before the body is read) that identifies the caller and checks the route's
 * `config.access`:
 * - `Authorization: Bearer baton_…` — a personal API token: its user, its scopes;
 * - `Authorization: Bearer <other>` — the bootstrap admin token: the first administrator, every scope;
 * - the `baton_session` cookie — a session: its user, every scope. Unsafe methods (anything but GET,
 *   HEAD, OPTIONS) must echo the session's CSRF token in `X-CSRF-Token` (403 CSRF_TOKEN_INVALID):
 *   another site can make the browser send the cookie, but cannot read the token. Bearer requests are
 *   exempt — browsers never add that header by themselves.
 * No credentials, or ones that are not valid: 401. Valid ones without the route's scope: 403.
 */
export function authenticate(rt: Runtime, verifyAdminToken: (token: string) => boolean) {
  const accepted = new Set<string>();
  const adminToken = (token: string) => {
    const hash = digest(token);
    if (accepted.has(hash)) return true;
    if (!verifyAdminToken(token)) return false;
    if (accepted.size >= MEMO_LIMIT) accepted.clear();
    accepted.add(hash);
    return true;
  };

  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.sessionId = null;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie =
      bearer === undefined ? parseCookies(request.headers.cookie).get(SESSION_COOKIE) : undefined;
    const db = rt.db.kysely;
    if (bearer !== undefined) {
      const token = bearer.startsWith(TOKEN_PREFIX) ? await findApiToken(db, bearer, rt.now()) : null;
      if (token)
        request.caller = await callerFor(
          db,
          token.userId,
          token.departmentId,
          'apiToken',
          new Set(token.scopes),
        );
      else if (adminToken(bearer)) request.caller = adminTokenCaller();
      else return unauthorized(reply, 'the bearer token is not valid');
    } else if (cookie !== undefined) {
      const session = await findSession(db, cookie, rt.now());
      if (!session) return unauthorized(reply, 'the session has ended; sign in again');
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameDigest(digest(sent), session.csrfHash))
          return sendProblem(
            reply,
            problem(403, `a signed-in ${request.method} needs the CSRF token in X-CSRF-Token`, {
              code: 'CSRF_TOKEN_INVALID',
            }),
          );
      }
      request.sessionId = session.id;
      request.caller = await callerFor(db, session.userId, session.departmentId, 'session', ALL_SCOPES);
    } else {
      const detail =
        'this endpoint needs Authorization: Bearer <token> or a session (POST /api/v1/auth/login)';
      return unauthorized(reply, detail);
    }
    const refusal = refuse(request.caller, access);
    if (refusal) return sendProblem(reply, problem(403, refusal, { code: 'INSUFFICIENT_SCOPE' }));
  };
}

/** Why this caller may not use a route with this access, or null when they may. */
function refuse(caller: Caller, access: RouteAccess | undefined): string | null {
  if (access === undefined) return 'this route does not say who may call it';
  if (access === 'signedIn' || access === 'public') return null;
  if (access === 'interactive')
    return caller.via === 'apiToken' ? 'API tokens cannot do this: sign in (a session) instead' : null;
  return caller.scopes.has(access) ? null : `this token lacks the scope ${access}`;
}

function unauthorized(reply: FastifyReply, detail: string): FastifyReply {
  reply.header('www-authenticate', 'Bearer');
  return sendProblem(reply, problem(401, detail, { code: 'UNAUTHORIZED' }));
}
