import { createDirectory } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readOrgSnapshot } from '../org/snapshot.ts';
import { type MovedTask, moveOpenTasks } from './move.ts';

/**
 * A user was deactivated (inside that transaction, their row already inactive): their open tasks move as
 * an absence would move them — to a deputy of a current absence, else their head, else the process
 * administrators — whatever the template's `onAbsence` says, since they will not come back. Read from
 * the transaction itself: the cached directory does not know the change yet. Returns the tasks moved.
 */
export async function moveWorkOfDeactivatedUser(
  trx: Kysely<Database>,
  event: { userId: string; by: string; at: number },
): Promise<MovedTask[]> {
  const directory = createDirectory(await readOrgSnapshot(trx, event.at));
  return moveOpenTasks(trx, directory, event.userId, event.at, { honourWait: false, actor: event.by });
}
