import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Runtime } from '../../runtime/context.ts';

/** A sealed secret that cannot be opened: the server's secret key changed since it was sealed. */
export class UnsealError extends Error {}

const VERSION = 'v1';

function keyOf(rt: Runtime): Buffer {
  if (!rt.secretKey) throw new Error('the runtime has no secret key (boot sets it)');
  return rt.secretKey;
}

/** AES-256-GCM with a fresh nonce: `v1:` + base64 of nonce, tag and ciphertext. */
export function seal(rt: Runtime, secret: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(rt), nonce);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64')}`;
}

export function unseal(rt: Runtime, sealed: string): string {
  const bytes = Buffer.from(sealed.slice(VERSION.length + 1), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(rt), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new UnsealError(
      'the stored password cannot be read: BATON_SECRET_KEY changed since it was saved; enter the password again',
    );
  }
}
