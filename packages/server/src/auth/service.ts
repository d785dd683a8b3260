import type { Kysely } from 'kysely';
import { type Ability, abilitiesOf, can } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { viewableKeys } from '../access/definition-rights.ts';
import type { Scope } from '../access/scopes.ts';
import type { Database } from '../db/schema.ts';
import { type EmailPreferences, emailPreferences } from '../mail/preferences.ts';
import { normaliseLogin } from '../org/checks.ts';
import { getUser, type UserView } from '../org/users.ts';
import type { Runtime } from '../runtime/context.ts';
import { verifyPassword } from './passwords.ts';
import {
  addressKey,
  checkLoginLimits,
  forgiveLogin,
  type LoginLimits,
  loginKey,
  recordLoginFailure,
} from './rate-limit.ts';
import { endSession, type OpenedSession, openSession } from './sessions.ts';

/** A wrong login or password (or an inactive user, or one without a password): the same 401 for each. */
export class InvalidCredentials extends Error {
  readonly statusCode = 401;
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('the login or the password is wrong');
    this.name = 'InvalidCredentials';
  }
}

export interface SignInOptions {
  limits: LoginLimits;
  sessionTtlMs: number;
}

export interface SignedIn extends OpenedSession {
  user: UserView;
}

/**
 * Checks a password and opens a session. Refused before the password is checked when the login or
 * the client address has had too many failures lately (429), so guessing stops even for the right one.
 */
export async function signIn(
  rt: Runtime,
  input: { login: string; password: string; ip: string },
  options: SignInOptions,
): Promise<SignedIn> {
  const db = rt.db.kysely;
  const login = normaliseLogin(input.login);
  const { limits } = options;
  const keys = [loginKey(login), addressKey(input.ip)] as const;
  await checkLoginLimits(
    db,
    [
      [keys[0], limits.perLogin],
      [keys[1], limits.perAddress],
    ],
    limits.windowMs,
    rt.now(),
  );
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('login', '=', login)
    .executeTakeFirst();
  const matches = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !matches || user.active !== 1) {
    await recordLoginFailure(db, keys, limits.windowMs, rt.now());
    throw new InvalidCredentials();
  }
  await forgiveLogin(db, login);
  const session = await openSession(db, user.id, rt.now(), options.sessionTtlMs);
  rt.log.info({ userId: user.id }, 'signed in');
  return { ...session, user: await getUser(db, user.id) };
}

/** Ends the caller's session (a no-op for token callers: there is none to end). */
export async function signOut(rt: Runtime, storedSessionId: string | null): Promise<void> {
  if (storedSessionId !== null) await endSession(rt.db.kysely, storedSessionId);
}

export interface Me {
  user: UserView;
  via: Caller['via'];
  scopes: Scope[];
  /** What the built-in roles held allow (access/abilities.ts). */
  abilities: Ability[];
  /** Whether they see every run of some template — all work, or a template's view right: process reports are theirs. */
  reports: boolean;
  /** What they want by e-mail (mail/preferences.ts). */
  emailPreferences: EmailPreferences;
  /** How many people report to them, directly or not: a head's tasks page shows their team's. */
  teamSize: number;
}

export async function me(rt: Runtime, caller: Caller): Promise<Me> {
  return {
    user: await getUser(rt.db.kysely, caller.userId),
    via: caller.via,
    scopes: [...caller.scopes].sort(),
    abilities: abilitiesOf(caller),
    reports: can(caller, 'seeAllWork') || (await viewableKeys(rt.db.kysely, caller)).length > 0,
    emailPreferences: await emailPreferences(rt.db.kysely, caller.userId),
    teamSize: await teamSize(rt.db.kysely, caller.userId),
  };
}

async function teamSize(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('reporting_lines')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('head_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
