import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/runtime/boot.ts';

const quiet = pino({ level: 'silent' });
const dirs: string[] = [];
const database = () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-lease-'));
  dirs.push(dir);
  return `sqlite:${join(dir, 'baton.db')}`;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('one worker per SQLite database', () => {
  it('refuses a second worker on the same file while the first runs, and allows it after', async () => {
    const url = database();
    const first = await boot({ databaseUrl: url, worker: true, adminToken: 't', log: quiet });
    // Within one test process the lease holder would be this very pid: hand the lease to another live
    // process (our parent) to stand for a second server.
    await first.rt.db.kysely
      .updateTable('settings')
      .set({
        value: JSON.stringify({
          host: hostname(),
          pid: process.ppid,
          at: Date.now(),
        }),
      })
      .where('key', '=', 'sqlite_worker')
      .execute();
    await expect(boot({ databaseUrl: url, worker: true, adminToken: 't', log: quiet })).rejects.toThrow(
      /another Baton process .* runs the worker on this SQLite database/,
    );
    await first.close();
    const second = await boot({ databaseUrl: url, worker: true, adminToken: 't', log: quiet });
    await second.close();
  });

  it('takes over the lease of a process that died', async () => {
    const url = database();
    const first = await boot({ databaseUrl: url, worker: true, adminToken: 't', log: quiet });
    await first.rt.db.kysely
      .updateTable('settings')
      .set({
        value: JSON.stringify({
          host: hostname(),
          pid: 2 ** 22 + 7,
          at: Date.now(),
        }),
      })
      .where('key', '=', 'sqlite_worker')
      .execute();
    await first.close();
    // close() removed the lease; put the dead process's lease back as a crash would leave it.
    const again = await boot({ databaseUrl: url, worker: false, adminToken: 't', log: quiet });
    await again.rt.db.kysely
      .insertInto('settings')
      .values({
        key: 'sqlite_worker',
        value: JSON.stringify({
          host: hostname(),
          pid: 2 ** 22 + 7,
          at: Date.now(),
        }),
      })
      .execute();
    await again.close();
    const taken = await boot({ databaseUrl: url, worker: true, adminToken: 't', log: quiet });
    const lease = await taken.rt.db.kysely
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'sqlite_worker')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(lease.value).pid).toBe(process.pid);
    await taken.close();
  });

  it('lets API-only processes share the file', async () => {
    const url = database();
    const worker = await boot({ databaseUrl: url, worker: true, adminToken: 't', log: quiet });
    const api = await boot({ databaseUrl: url, worker: false, adminToken: 't', log: quiet });
    await api.close();
    await worker.close();
  });
});
