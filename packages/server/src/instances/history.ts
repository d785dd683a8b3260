import type { HistoryEvent } from '@baton/engine';
import type { Kysely } from 'kysely';
import { prepared } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';

const insertStep = prepared((db, instanceId: string, seq: number, at: number, events: string) =>
  db.insertInto('history_steps').values({ instance_id: instanceId, seq, at, events }),
);

/**
 * Appends a step's history after event number `seq`: one row holding the step's events (a JSON array),
 * numbered from `seq + 1`. Returns the number of the last event.
 */
export async function appendHistory(
  trx: Kysely<Database>,
  instanceId: string,
  seq: number,
  events: readonly HistoryEvent[],
): Promise<number> {
  const first = events[0];
  if (first === undefined) return seq;
  await insertStep(trx, instanceId, seq + 1, first.at, JSON.stringify(events));
  return seq + events.length;
}

const stepsOf = prepared((db, instanceId: string) =>
  db.selectFrom('history_steps').select('events').where('instance_id', '=', instanceId).orderBy('seq'),
);

/** The instance's history events, in order. */
export async function readHistory(db: Kysely<Database>, instanceId: string): Promise<HistoryEvent[]> {
  const { rows } = await stepsOf(db, instanceId);
  return rows.flatMap((r) => JSON.parse(r.events) as HistoryEvent[]);
}
