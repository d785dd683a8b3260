import type { HistoryEvent } from '@baton/engine';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/** One stored history event with its instance and number. */
export interface StoredEvent {
  instanceId: string;
  seq: number;
  event: HistoryEvent;
}

/** Every stored history event (of `instanceId` only, when given), each step's row expanded. */
export async function storedEvents(db: Kysely<Database>, instanceId?: string): Promise<StoredEvent[]> {
  let q = db
    .selectFrom('history_steps')
    .select(['instance_id', 'seq', 'events'])
    .orderBy('instance_id')
    .orderBy('seq');
  if (instanceId !== undefined) q = q.where('instance_id', '=', instanceId);
  const rows = await q.execute();
  return rows.flatMap((r) =>
    (JSON.parse(r.events) as HistoryEvent[]).map((event, i) => ({
      instanceId: r.instance_id,
      seq: r.seq + i,
      event,
    })),
  );
}

/** How many events of `type` each instance has, keyed by instance id (instances without one left out). */
export async function eventsPerInstance(db: Kysely<Database>, type: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { instanceId, event } of await storedEvents(db))
    if (event.type === type) counts.set(instanceId, (counts.get(instanceId) ?? 0) + 1);
  return counts;
}

/** Activations that completed more than once: each `(instance, node, token)` may complete only once. */
export async function repeatedCompletions(
  db: Kysely<Database>,
): Promise<{ instanceId: string; nodeId?: string; tokenId?: string; n: number }[]> {
  const seen = new Map<string, { instanceId: string; nodeId?: string; tokenId?: string; n: number }>();
  for (const { instanceId, event } of await storedEvents(db)) {
    if (event.type !== 'node.completed') continue;
    const key = `${instanceId}|${event.nodeId}|${event.tokenId}`;
    const entry = seen.get(key) ?? { instanceId, nodeId: event.nodeId, tokenId: event.tokenId, n: 0 };
    entry.n++;
    seen.set(key, entry);
  }
  return [...seen.values()].filter((e) => e.n > 1);
}

/** How often each scheduled timer fired (0 when it never did), keyed `instanceId:timerId`. */
export async function timerFirings(db: Kysely<Database>): Promise<Map<string, number>> {
  const fired = new Map<string, number>();
  for (const { instanceId, event } of await storedEvents(db)) {
    if (event.type !== 'timer.scheduled' && event.type !== 'timer.fired') continue;
    const key = `${instanceId}:${event.timerId}`;
    fired.set(key, (fired.get(key) ?? 0) + (event.type === 'timer.fired' ? 1 : 0));
  }
  return fired;
}

/** Counts of history events of one type (for one node) of one instance. */
export async function countEvents(
  db: Kysely<Database>,
  instanceId: string,
  type: string,
  nodeId?: string,
): Promise<number> {
  const events = await storedEvents(db, instanceId);
  return events.filter((e) => e.event.type === type && (nodeId === undefined || e.event.nodeId === nodeId))
    .length;
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
