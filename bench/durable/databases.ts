import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DurableMode = 'sqlite' | 'postgres';

/** The PostgreSQL server the bench creates its throw-away databases on (override: BENCH_POSTGRES_URL). */
export const POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database for one measuring process; `drop` removes it and everything in it. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export const SCRATCH: Record<DurableMode, (label: string) => Promise<ScratchDatabase>> = {
  sqlite: scratchSqlite,
  postgres: scratchPostgres,
};

/** A new file in a new temp folder (the WAL and shared-memory files live beside it). */
async function scratchSqlite(label: string): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `baton-bench-${label}-`));
  return {
    url: `sqlite:${join(dir, 'bench.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `CREATE DATABASE` on the bench server, `DROP DATABASE … WITH (FORCE)` afterwards. */
async function scratchPostgres(label: string): Promise<ScratchDatabase> {
  const name = `baton_bench_${label.replace(/\W/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropPostgres(name) };
}

/**
 * pg's pool.end() resolves before its connections have gone; forcing the drop then makes the server end
 * them, and the pool reports that as an error. So: wait for them (~ms), force only as a last resort.
 */
async function dropPostgres(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const gone = await admin((c) => c.query(`drop database if exists ${name}`)).then(
      () => true,
      () => false,
    );
    if (gone) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Why PostgreSQL benches cannot run (the server does not answer), or null when it does. */
export async function postgresUnreachable(): Promise<string | null> {
  try {
    await admin((c) => c.query('select 1'));
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `PostgreSQL at ${new URL(POSTGRES_SERVER).host} unreachable: ${message}`;
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
