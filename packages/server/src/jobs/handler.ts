import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import type { Job } from './queue.ts';

/** Marks the job done; inside `trx` when given, so the work and its completion commit together. */
export type Finish = (trx?: Kysely<Database>) => Promise<void>;

/**
 * Performs one kind of job. Work in the database finishes inside its own transaction (exactly once);
 * an external call finishes after it succeeded (at least once, with the job key as idempotency key).
 */
export interface JobHandler {
  kind: string;
  run(rt: Runtime, job: Job, finish: Finish): Promise<void>;
}

/** Job payloads are JSON written by this server. */
export const payloadOf = <T>(job: Job): T => JSON.parse(job.payload) as T;
