import type { Kysely } from 'kysely';
import { insertRows } from '../db/insert-rows.ts';
import type { Database } from '../db/schema.ts';

export interface NewJob {
  kind: string;
  /** Unique: enqueueing the same key again is a no-op (effects replayed after a retry stay single). */
  key: string;
  instanceId: string | null;
  payload: unknown;
  dueAt: number;
}

/** Adds jobs inside the caller's transaction; they become visible to workers when it commits. */
export async function enqueue(db: Kysely<Database>, jobs: readonly NewJob[], now: number): Promise<void> {
  await insertRows(
    db,
    'jobs',
    jobs.map((j) => ({
      key: j.key,
      kind: j.kind,
      instance_id: j.instanceId,
      payload: JSON.stringify(j.payload),
      status: 'pending' as const,
      due_at: j.dueAt,
      locked_by: null,
      locked_until: null,
      attempts: 0,
      last_error: null,
      created_at: now,
      updated_at: now,
    })),
    { ignoreConflicts: ['key'] },
  );
}
