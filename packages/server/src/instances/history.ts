import type { HistoryEvent } from '@baton/engine';
import type { Kysely } from 'kysely';
import { insertRows } from '../db/insert-rows.ts';
import type { Database } from '../db/schema.ts';

/** Appends a step's history after `seq`; one multi-row insert per step (chunked under the SQL parameter limits). */
export async function appendHistory(
  trx: Kysely<Database>,
  instanceId: string,
  seq: number,
  events: readonly HistoryEvent[],
): Promise<number> {
  const rows = events.map((h, i) => ({
    instance_id: instanceId,
    seq: seq + i + 1,
    type: h.type,
    node_id: h.nodeId ?? null,
    token_id: h.tokenId ?? null,
    task_id: h.taskId ?? h.timerId ?? null,
    actor: h.actor ?? null,
    at: h.at,
    data: h.data === undefined ? null : JSON.stringify(h.data),
  }));
  await insertRows(trx, 'history', rows);
  return seq + rows.length;
}

/** History rows back as the engine's events, in order. */
export async function readHistory(db: Kysely<Database>, instanceId: string): Promise<HistoryEvent[]> {
  const rows = await db
    .selectFrom('history')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    type: r.type as HistoryEvent['type'],
    at: r.at,
    ...(r.node_id === null ? {} : { nodeId: r.node_id }),
    ...(r.token_id === null ? {} : { tokenId: r.token_id }),
    ...(r.task_id === null
      ? {}
      : r.type.startsWith('timer.')
        ? { timerId: r.task_id }
        : { taskId: r.task_id }),
    ...(r.actor === null ? {} : { actor: r.actor }),
    ...(r.data === null ? {} : { data: JSON.parse(r.data) as Record<string, unknown> }),
  }));
}
