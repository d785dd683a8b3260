import { type EngineEvent, type InstanceState, step } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compiledDefinition } from '../definitions/compiled-cache.ts';
import { appendHistory } from './history.ts';

export type TaskReassigned = Extract<EngineEvent, { type: 'taskReassigned' }>;

/**
 * Tells the engine, inside the caller's transaction, that an open task changed hands (a delegation, an
 * absence, a deactivated user): its record of the holders — whom reminders and escalation address —
 * follows, and the step's `task.delegated`/`task.reassigned` history row is appended. The instance row
 * is locked first by bumping its version, so a step running at the same moment waits and then retries
 * from the new state instead of losing this change. The task row itself is the caller's to update.
 * An `EventRejected` (the engine no longer has the task open) propagates.
 */
export async function recordReassignment(
  trx: Kysely<Database>,
  instanceId: string,
  event: TaskReassigned,
  now: number,
): Promise<void> {
  const row = await trx
    .updateTable('instances')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', instanceId)
    .returning(['definition_key', 'definition_version', 'state', 'history_seq'])
    .executeTakeFirstOrThrow();
  const compiled = await compiledDefinition(trx, row.definition_key, row.definition_version);
  const { state, history } = step(compiled, JSON.parse(row.state) as InstanceState, event, { now });
  await trx
    .updateTable('instances')
    .set({ state: JSON.stringify(state), history_seq: row.history_seq + history.length })
    .where('id', '=', instanceId)
    .execute();
  await appendHistory(trx, instanceId, row.history_seq, history);
}
