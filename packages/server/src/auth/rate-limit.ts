import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Failed sign-ins allowed per login and per client address within a window. Counted in the database,
 * so every API process of a cluster shares the count. The address limit is higher: an office signs in
 * from one address.
 */
export interface LoginLimits {
  perLogin: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perLogin: 10, perAddress: 50, windowMs: 15 * 60 * 1000 };

export const loginKey = (login: string) => `login:${login}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** Too many failed sign-ins: 429 with `Retry-After`. */
export class TooManyAttempts extends Error {
  readonly statusCode = 429;
  readonly code = 'TOO_MANY_ATTEMPTS';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${retryAfterSeconds} s`);
    this.name = 'TooManyAttempts';
  }
}

/**
 * Throws TooManyAttempts when a key has had its limit of failures within the window; the wait is until
 * the oldest failure that still counts leaves the window.
 */
export async function checkLoginLimits(
  db: Kysely<Database>,
  keys: readonly [key: string, limit: number][],
  windowMs: number,
  now: number,
): Promise<void> {
  let until = 0;
  for (const [key, limit] of keys) {
    const recent = await db
      .selectFrom('login_failures')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', now - windowMs)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    const oldest = recent[limit - 1];
    if (oldest) until = Math.max(until, oldest.at + windowMs);
  }
  if (until > now) throw new TooManyAttempts(Math.ceil((until - now) / 1000));
}

/** Counts a failure against each key; failures that left the window are dropped on the way. */
export async function recordLoginFailure(
  db: Kysely<Database>,
  keys: readonly string[],
  windowMs: number,
  now: number,
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('key', 'in', keys)
    .where('at', '<=', now - windowMs)
    .execute();
  await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, at: now })))
    .execute();
}

/** A successful sign-in forgives the login's failures (not the address's: one account must not reset it). */
export async function forgiveLogin(db: Kysely<Database>, login: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', loginKey(login)).execute();
}
