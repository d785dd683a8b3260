import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export const JOBS_CHANNEL = 'baton_jobs';

/** PostgreSQL: tells every listening worker (in any process) that jobs are due; delivered on commit. */
export async function announceJobs(db: Db, trx: Kysely<Database>): Promise<void> {
  if (db.dialect === 'postgres') await sql`select pg_notify(${JOBS_CHANNEL}, '')`.execute(trx);
}

/** Listens for job announcements on a dedicated connection; reconnects if it drops. */
export function listenForJobs(
  url: string,
  onJobs: () => void,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  return listenOn(url, JOBS_CHANNEL, onJobs, onError, onJobs);
}

/**
 * Listens on a PostgreSQL channel on a dedicated connection, reconnecting if it drops (`onConnected`
 * after each connect: what was sent while disconnected is lost). Returns the function that stops it.
 */
export async function listenOn(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onError: (error: unknown) => void,
  onConnected: () => void = () => undefined,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let closed = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => onPayload(n.payload ?? ''));
    c.on('error', (error) => {
      onError(error);
      if (!closed) setTimeout(() => void connect().catch(onError), 1000);
    });
    await c.connect();
    await c.query(`listen ${channel}`);
    client = c;
    onConnected();
  };
  await connect();
  return async () => {
    closed = true;
    await client?.end().catch(() => undefined);
  };
}
