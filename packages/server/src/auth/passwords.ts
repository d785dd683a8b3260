import { hash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost (N = 2^15, r = 8, p = 1: about 50 ms and 32 MiB); stored with each hash, so it can grow. */
const COST = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is just under that for N = 2^15. */
const MAX_MEMORY = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * A password as `scrypt$N$r$p$salt$hash` (base64url), with a salt of its own. Runs on libuv's thread
 * pool, so a sign-in does not stall other requests.
 *
 * @example
 * const stored = await hashPassword('correct horse');
 * await verifyPassword('correct horse', stored); // true
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash nobody's password matches, checked when there is no user, so "no such login" takes as long. */
let decoy: Promise<string> | null = null;

/** Whether `password` matches `stored`; a null or malformed `stored` costs the same and answers false. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(password, await decoy);
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: +n, r: +r, p: +p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random secret for a cookie or a token (256 bits, base64url). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** How high-entropy secrets (session ids, CSRF and API tokens) are stored: SHA-256, hex. */
export const digest = (secret: string): string => hash('sha256', secret, 'hex');

/** Compares two digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A generated password for the first administrator: 18 characters from base64url. */
export const generatePassword = (): string => randomBytes(14).toString('base64url').slice(0, 18);
