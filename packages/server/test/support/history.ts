import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/** Activations that completed more than once: each `(instance, node, token)` may complete only once. */
export async function repeatedCompletions(
  db: Kysely<Database>,
): Promise<{ instance_id: string; node_id: string | null; token_id: string | null; n: number }[]> {
  const rows = await db
    .selectFrom('history')
    .select(['instance_id', 'node_id', 'token_id', sql<number>`count(*)`.as('n')])
    .where('type', '=', 'node.completed')
    .groupBy(['instance_id', 'node_id', 'token_id'])
    .having(sql`count(*)`, '>', 1)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** How often each scheduled timer fired (0 when it never did), keyed `instanceId:timerId`. */
export async function timerFirings(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('history')
    .select(['instance_id', 'task_id', 'type'])
    .where('type', 'in', ['timer.scheduled', 'timer.fired'])
    .execute();
  const fired = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.instance_id}:${r.task_id}`;
    fired.set(key, (fired.get(key) ?? 0) + (r.type === 'timer.fired' ? 1 : 0));
  }
  return fired;
}

/** Counts of history rows of one type for one node, per instance. */
export async function countEvents(
  db: Kysely<Database>,
  instanceId: string,
  type: string,
  nodeId?: string,
): Promise<number> {
  let q = db
    .selectFrom('history')
    .select(sql<number>`count(*)`.as('n'))
    .where('instance_id', '=', instanceId)
    .where('type', '=', type);
  if (nodeId !== undefined) q = q.where('node_id', '=', nodeId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Instances by status, e.g. `{ completed: 300 }`. */
export async function instancesByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('instances')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Jobs by status (and, for pending ones, whether a lock is held), e.g. `{ done: 900 }`. */
export async function jobsByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
