import { BOOTSTRAP_ADMIN_ID } from '../access/caller.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { orgTransaction } from '../org/store.ts';
import { insertUser } from '../org/user-writes.ts';
import type { Runtime } from '../runtime/context.ts';
import { generatePassword, hashPassword } from './passwords.ts';

/**
 * On a database without users, creates the administrator `admin` (id `admin`) with `fromEnv`
 * (BATON_ADMIN_PASSWORD) as the password, or a generated one returned once for the caller to print.
 * Several processes starting at once create it once: the others lose on the primary key.
 */
export async function ensureFirstAdministrator(
  rt: Runtime,
  fromEnv: string | undefined,
): Promise<{ printOnce: string | null }> {
  const anyone = await rt.db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyone) return { printOnce: null };
  const password = fromEnv ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await orgTransaction(rt, (trx) =>
      insertUser(
        trx,
        {
          id: BOOTSTRAP_ADMIN_ID,
          login: 'admin',
          name: 'Administrator',
          roles: [{ role: 'administrator' }],
          passwordHash,
        },
        rt.now(),
        'admin',
      ),
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (isUniqueViolation(error) || code === 'USER_EXISTS' || code === 'LOGIN_TAKEN')
      return { printOnce: null };
    throw error;
  }
  rt.log.info('created the first administrator, login "admin"');
  return { printOnce: fromEnv === undefined ? password : null };
}
