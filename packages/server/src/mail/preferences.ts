import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { NotFound } from '../runtime/errors.ts';

/** What a person wants by e-mail (when the server sends e-mail at all). */
export interface EmailPreferences {
  /** "New task" when a task is handed to them. */
  tasks: boolean;
  /** A copy of each in-app notification (reminders, overdue notices, a process's notifications). */
  notifications: boolean;
}

export async function emailPreferences(db: Kysely<Database>, userId: string): Promise<EmailPreferences> {
  const row = await db
    .selectFrom('users')
    .select(['email_tasks', 'email_notifications'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new NotFound('user', userId);
  return { tasks: row.email_tasks === 1, notifications: row.email_notifications === 1 };
}

/** Changes the caller's own choices; only the ones given. */
export async function setEmailPreferences(
  db: Kysely<Database>,
  userId: string,
  change: Partial<EmailPreferences>,
  now: number,
): Promise<EmailPreferences> {
  const set = {
    ...(change.tasks === undefined ? {} : { email_tasks: change.tasks ? 1 : 0 }),
    ...(change.notifications === undefined ? {} : { email_notifications: change.notifications ? 1 : 0 }),
  };
  if (Object.keys(set).length > 0)
    await db
      .updateTable('users')
      .set({ ...set, updated_at: now })
      .where('id', '=', userId)
      .execute();
  return emailPreferences(db, userId);
}
