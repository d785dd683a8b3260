import { hostname } from 'node:os';
import type { Db } from '../db/database.ts';
import { releaseAllLocks } from '../jobs/queue.ts';

const KEY = 'sqlite_worker';
const HEARTBEAT_MS = 10_000;

interface Lease {
  host: string;
  pid: number;
  at: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lease belongs to a worker that is still running (another process than this one). */
function held(lease: Lease, now: number): boolean {
  if (lease.host === hostname()) return lease.pid !== process.pid && alive(lease.pid);
  return now - lease.at < 3 * HEARTBEAT_MS;
}

/**
 * On SQLite exactly one process may run the worker: job locks are not shared between processes there,
 * and the worker frees the locks a crashed predecessor left. A second server on the same file is
 * refused with a clear error (use PostgreSQL for several processes). Returns a function that lets go.
 */
export async function claimSqliteWorker(db: Db, now: () => number): Promise<() => Promise<void>> {
  const row = await db.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  const lease = row ? (JSON.parse(row.value) as Lease) : null;
  if (lease && held(lease, now())) {
    throw new Error(
      `another Baton process (pid ${lease.pid} on ${lease.host}) runs the worker on this SQLite database; ` +
        'stop it, or use PostgreSQL (BATON_DATABASE_URL=postgres://…) to run several processes',
    );
  }
  const write = () => {
    const value = JSON.stringify({ host: hostname(), pid: process.pid, at: now() } satisfies Lease);
    return db.kysely
      .insertInto('settings')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  };
  await write();
  await releaseAllLocks(db);
  const heartbeat = setInterval(() => void write().catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    await db.kysely.deleteFrom('settings').where('key', '=', KEY).execute();
  };
}
