import BetterSqlite3 from 'better-sqlite3';
import { prepareBpmnEngine, type RunInstance } from '../engines.ts';
import type { BenchProcess } from '../processes.ts';

/**
 * The durable baseline: bpmn-engine saving `getState()` as JSON to a SQLite table (better-sqlite3,
 * WAL, synchronous=NORMAL as Baton's) at every wait and at the end, each save its own transaction.
 */
export async function prepareDurableBpmnEngine(
  p: BenchProcess,
  path: string,
): Promise<{ run: RunInstance; close(): void }> {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table if not exists states (id text primary key, state text not null)');
  const upsert = db.prepare(
    'insert into states (id, state) values (?, ?) on conflict (id) do update set state = excluded.state',
  );
  const run = await prepareBpmnEngine(p, (id, state) => upsert.run(id, JSON.stringify(state)));
  return { run, close: () => db.close() };
}
