import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { Unprocessable } from '../runtime/errors.ts';
import type { LedBy } from './visibility.ts';

/** A field naming something that does not exist (or that the caller does not see). */
export const badReference = (path: string, message: string) =>
  new Unprocessable(`${path}: ${message}`, [{ path, message }], 'BAD_REFERENCE');

/** An active user may lead a CRM item. */
export async function checkResponsible(db: Kysely<Database>, userId: string, path: string): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!user) throw badReference(path, `there is no active user ${userId}`);
}

/** A contact or company the caller sees, by id. */
export async function checkParty(
  db: Kysely<Database>,
  ledBy: LedBy | null,
  table: 'crm_contacts' | 'crm_companies',
  id: string,
  path: string,
): Promise<void> {
  let q = db.selectFrom(table).select('id').where('id', '=', id);
  if (ledBy) q = q.where(ledBy(table === 'crm_contacts' ? 'contacts' : 'companies', table));
  if (!(await q.executeTakeFirst()))
    throw badReference(path, `there is no ${table === 'crm_contacts' ? 'contact' : 'company'} ${id}`);
}
