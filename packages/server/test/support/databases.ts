import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/db/database.ts';

/** The server PostgreSQL tests create their databases on (trust auth on these machines). */
export const POSTGRES_ADMIN_URL =
  process.env.BATON_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every dialect the store runs on: each shared suite loops over this list. */
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

/** A database of its own for one test file, removed by `drop` (files deleted / `DROP DATABASE … WITH (FORCE)`). */
export interface TestDatabase {
  dialect: Dialect;
  /** What `openDatabase` and `baton --database` take. */
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  return dialect === 'sqlite' ? createSqlite() : createPostgres();
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-test-'));
  return {
    dialect: 'sqlite',
    url: `sqlite:${join(dir, 'baton.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function createPostgres(): Promise<TestDatabase> {
  // Lower-case letters and digits only: the name goes into DDL unquoted.
  const name = `baton_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgres',
    url: url.toString(),
    drop: () => dropPostgres(name),
  };
}

/**
 * A closed pg pool ends its clients without waiting for their sockets to close; forcing the drop at once
 * would terminate those sessions and their clients would report it as an unhandled error. So wait for
 * them to go (bounded), and force only what is still connected after that.
 */
async function dropPostgres(name: string): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline) {
    try {
      return await admin(`drop database if exists ${name}`);
    } catch (error) {
      // 55006: the database is being accessed by other users.
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await admin(`drop database if exists ${name} with (force)`);
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
