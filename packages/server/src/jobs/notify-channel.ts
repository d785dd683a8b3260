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
export async function listenForJobs(
  url: string,
  onJobs: () => void,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let closed = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', onJobs);
    c.on('error', (error) => {
      onError(error);
      if (!closed) setTimeout(() => void connect().catch(onError), 1000);
    });
    await c.connect();
    await c.query(`listen ${JOBS_CHANNEL}`);
    client = c;
    onJobs();
  };
  await connect();
  return async () => {
    closed = true;
    await client?.end().catch(() => undefined);
  };
}
