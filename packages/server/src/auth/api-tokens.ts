import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import type { Scope } from '../access/scopes.ts';
import type { ApiTokensTable, Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso, toIsoOrNull } from '../util/time.ts';
import { digest, newSecret } from './passwords.ts';

/** Personal API tokens start with this, so a bearer token is told from the bootstrap admin token at a glance. */
export const TOKEN_PREFIX = 'baton_';
/** `last_used_at` is written at most this often per token (a request should not always write). */
const TOUCH_EVERY_MS = 10 * 60 * 1000;
/**
 * Tokens one user may hold (not revoked, not expired): one per integration is far fewer, and a script
 * creating tokens in a loop would otherwise grow the table and the unpaged list without end.
 */
export const MAX_TOKENS_PER_USER = 100;

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface NewApiToken {
  name: string;
  scopes: Scope[];
  /** Epoch ms; absent: until revoked. */
  expiresAt?: number | undefined;
}

/** Creates a token for the caller; the secret is in the answer only, the table keeps its SHA-256. */
export async function createApiToken(
  rt: Runtime,
  caller: Caller,
  input: NewApiToken,
): Promise<ApiTokenView & { token: string }> {
  const now = rt.now();
  if (input.expiresAt !== undefined && input.expiresAt <= now)
    throw new Unprocessable('expiresAt is in the past', [
      { path: 'body.expiresAt', message: 'must be in the future' },
    ]);
  const { held } = await rt.db.kysely
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('held'))
    .where('user_id', '=', caller.userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirstOrThrow();
  if (Number(held) >= MAX_TOKENS_PER_USER)
    throw new Conflict(
      `you hold ${MAX_TOKENS_PER_USER} API tokens, the most one user may; revoke one you no longer use`,
      'TOO_MANY_TOKENS',
    );
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const row: ApiTokensTable = {
    id: randomUUID(),
    user_id: caller.userId,
    name: input.name,
    token_hash: digest(token),
    scopes: JSON.stringify([...new Set(input.scopes)].sort()),
    created_at: now,
    expires_at: input.expiresAt ?? null,
    last_used_at: null,
    revoked_at: null,
  };
  await rt.db.kysely.insertInto('api_tokens').values(row).execute();
  return { ...viewOf(row), token };
}

/** The caller's tokens that are not revoked, newest first (never their secrets). */
export async function listApiTokens(rt: Runtime, caller: Caller): Promise<ApiTokenView[]> {
  const rows = await rt.db.kysely
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', caller.userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(viewOf);
}

/** Revokes one of the caller's tokens; someone else's is a 404 like an unknown one. */
export async function revokeApiToken(rt: Runtime, caller: Caller, id: string): Promise<void> {
  const revoked = await rt.db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: rt.now() })
    .where('id', '=', id)
    .where('user_id', '=', caller.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(revoked.numUpdatedRows) !== 1) throw new NotFound('API token', id);
}

export interface LiveToken {
  id: string;
  userId: string;
  departmentId: string | null;
  scopes: Scope[];
}

/** The token behind a bearer secret, if it is not revoked or expired and its user is active. */
export async function findApiToken(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<LiveToken | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'api_tokens.scopes',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'users.department_id',
    ])
    .where('api_tokens.token_hash', '=', digest(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row || (row.expires_at !== null && row.expires_at <= now)) return null;
  if (row.last_used_at === null || now - row.last_used_at >= TOUCH_EVERY_MS)
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return {
    id: row.id,
    userId: row.user_id,
    departmentId: row.department_id,
    scopes: JSON.parse(row.scopes) as Scope[],
  };
}

function viewOf(row: ApiTokensTable): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as Scope[],
    createdAt: toIso(row.created_at),
    expiresAt: toIsoOrNull(row.expires_at),
    lastUsedAt: toIsoOrNull(row.last_used_at),
  };
}
