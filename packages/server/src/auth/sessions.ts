import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { digest, newSecret } from './passwords.ts';

/** The httpOnly cookie holding the session id. */
export const SESSION_COOKIE = 'baton_session';
/** The readable cookie holding the CSRF token, which unsafe requests echo in `X-CSRF-Token`. */
export const CSRF_COOKIE = 'baton_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** How long a session lasts from sign-in. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface OpenedSession {
  /** For the cookie only: the table keeps its SHA-256. */
  sessionId: string;
  csrfToken: string;
  expiresAt: number;
}

/** A new session for the user; expired sessions of anyone are swept on the way. */
export async function openSession(
  db: Kysely<Database>,
  userId: string,
  now: number,
  ttlMs: number,
): Promise<OpenedSession> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = now + ttlMs;
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sessions')
    .values({
      id: digest(sessionId),
      user_id: userId,
      csrf_hash: digest(csrfToken),
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

export interface LiveSession {
  /** The stored id (the digest). */
  id: string;
  userId: string;
  departmentId: string | null;
  csrfHash: string;
}

/** The session behind a cookie, if it has not expired and its user is still active. */
export async function findSession(
  db: Kysely<Database>,
  sessionId: string,
  now: number,
): Promise<LiveSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.user_id', 'sessions.csrf_hash', 'users.department_id'])
    .where('sessions.id', '=', digest(sessionId))
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  return row
    ? { id: row.id, userId: row.user_id, departmentId: row.department_id, csrfHash: row.csrf_hash }
    : null;
}

/** Ends one session, by its stored id. */
export async function endSession(db: Kysely<Database>, storedId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', storedId).execute();
}

/** Ends every session of a user (password reset, deactivation). */
export async function endSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
