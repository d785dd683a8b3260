import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

async function read(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Stores a value unless one is there; returns whichever is stored (safe when several processes start at once). */
async function claim(db: Kysely<Database>, key: string, value: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await read(db, key)) as string;
}

/**
 * Tokens are 192 random bits, so a fast hash is enough (a slow KDF is for guessable passwords) and a
 * flood of wrong tokens costs the server next to nothing.
 */
const hashToken = (token: string, salt: string) =>
  createHash('sha256').update(`${salt}:${token}`).digest('hex');

/**
 * The bootstrap admin token. `BATON_ADMIN_TOKEN` (when set) is the token; otherwise one is generated on
 * the first start and returned once so the caller can print it. Only a salted SHA-256 hash is stored.
 */
export async function ensureAdminToken(
  db: Kysely<Database>,
  fromEnv: string | undefined,
): Promise<{ printOnce: string | null; verify: (token: string) => boolean }> {
  let printOnce: string | null = null;
  let stored = await read(db, 'admin_token');
  if (fromEnv === undefined && stored === null) {
    const token = randomBytes(24).toString('base64url');
    const salt = randomBytes(16).toString('hex');
    const mine = `${salt}:${hashToken(token, salt)}`;
    stored = await claim(db, 'admin_token', mine);
    if (stored === mine) printOnce = token;
  }
  const [salt, hash] = (stored ?? ':').split(':') as [string, string];
  const verify = (token: string) => {
    if (fromEnv !== undefined) return safeEqual(token, fromEnv);
    return hash !== '' && safeEqual(hashToken(token, salt), hash);
  };
  return { printOnce, verify };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The secret webhooks are signed with: `BATON_WEBHOOK_SECRET`, else one generated once and kept. */
export async function webhookSecret(db: Kysely<Database>, fromEnv: string | undefined): Promise<string> {
  return fromEnv ?? claim(db, 'webhook_secret', randomBytes(32).toString('hex'));
}

/**
 * The key secrets kept in the database are sealed with (mailbox passwords): derived from
 * `BATON_SECRET_KEY`, else from one generated once and kept in the database — set the variable so that a
 * dump of the database alone does not give them away.
 */
export async function secretKey(db: Kysely<Database>, fromEnv: string | undefined): Promise<Buffer> {
  const secret = fromEnv ?? (await claim(db, 'secret_key', randomBytes(32).toString('hex')));
  return scryptSync(secret, 'baton-secret-key', 32);
}
