import { createWorkCalendar } from '@baton/engine';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Db, type Dialect, migrate, openDatabase } from '../../src/db/database.ts';
import type { Runtime } from '../../src/runtime/context.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

/** A clock tests move by hand; it starts at a fixed, readable instant. */
export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2030, 0, 7, 9, 0, 0)): TestClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A migrated database of its own and a runtime over it (no worker: tests drive jobs themselves). */
export interface TestRuntime {
  rt: Runtime;
  db: Db;
  clock: TestClock;
  database: TestDatabase;
  /** Another runtime on the same database, with its own connections (a second server process). */
  openSecond(): Promise<Runtime>;
  close(): Promise<void>;
}

export async function openTestRuntime(dialect: Dialect): Promise<TestRuntime> {
  const database = await createTestDatabase(dialect);
  const clock = testClock();
  const opened: Db[] = [];
  const runtimeOn = (db: Db): Runtime => ({
    db,
    now: clock.now,
    calendar: createWorkCalendar(),
    log: pino({ level: 'silent' }),
    wake: () => undefined,
  });
  const db = openDatabase(database.url);
  opened.push(db);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    await database.drop();
    throw error;
  }
  return {
    rt: runtimeOn(db),
    db,
    clock,
    database,
    async openSecond() {
      const second = openDatabase(database.url);
      opened.push(second);
      return runtimeOn(second);
    },
    async close() {
      await Promise.allSettled(opened.map((d) => d.close()));
      await database.drop();
    },
  };
}

/** The engine's id of the open task at `nodeId` (the API id is `instanceId:engineId`). */
export async function openTaskId(rt: Runtime, instanceId: string, nodeId: string): Promise<string> {
  const row = await rt.db.kysely
    .selectFrom('tasks')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where('node_id', '=', nodeId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.id.slice(instanceId.length + 1);
}

/** Rejects after `ms`: every wait in these tests is bounded. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * For a job suite: one runtime for the suite (opened before it, closed after), its jobs table emptied
 * before each test. Call in a `describe`; the accessor works inside tests and hooks.
 */
export function jobsSuiteRuntime(dialect: Dialect): () => TestRuntime {
  let t: TestRuntime | undefined;
  beforeAll(async () => {
    t = await openTestRuntime(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t?.db.kysely.deleteFrom('jobs').execute();
  });
  return () => {
    if (!t) throw new Error('the suite runtime is open only inside its tests and hooks');
    return t;
  };
}
