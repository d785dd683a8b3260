import { type EngineEvent, type InstanceState, step } from '@baton/engine';
import { compiledDefinition } from '../definitions/compiled-cache.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound, VersionConflict } from '../runtime/errors.ts';
import { stepContext } from '../runtime/step-context.ts';
import { type Applied, persistStep } from './apply.ts';

const MAX_ATTEMPTS = 20;

/** What a failed instance keeps in its `error` column: the engine's error and the event that failed. */
export interface StoredFailure {
  code: string;
  message: string;
  nodeId?: string;
  event: EngineEvent;
}

/**
 * Re-applies the event a failed instance failed on, in one transaction: the stored state is the one
 * before that event (the engine keeps it so), so it is reopened (status running, no error) and stepped
 * again. It may fail again — the same event on the same state fails the same way unless what it read
 * changed (the clock, for one).
 */
export function retryFailed(rt: Runtime, instanceId: string): Promise<Applied> {
  return reapply(rt, instanceId, (failure) => failure.event);
}

/**
 * Applies `eventFor(failure)` to a failed instance as if it were running (e.g. terminating it from the
 * state before its failure). Throws Conflict `NOT_FAILED` when the instance is not failed.
 */
export async function reapply(
  rt: Runtime,
  instanceId: string,
  eventFor: (failure: StoredFailure) => EngineEvent,
): Promise<Applied> {
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await rt.db.kysely.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('instances')
          .selectAll()
          .where('id', '=', instanceId)
          .executeTakeFirst();
        if (!row) throw new NotFound('instance', instanceId);
        if (row.status !== 'failed' || row.error === null)
          throw new Conflict(`instance ${instanceId} is ${row.status}, not failed`, 'NOT_FAILED');
        const event = eventFor(JSON.parse(row.error) as StoredFailure);
        const failed = JSON.parse(row.state) as InstanceState;
        const reopened: InstanceState = { ...failed, status: 'running', error: null };
        const compiled = await compiledDefinition(trx, row.definition_key, row.definition_version);
        const result = step(compiled, reopened, event, await stepContext(rt, trx));
        // Written as a step of a running instance, so an end now sets ended_at and tells a waiting parent.
        const woke = (await persistStep(rt, trx, { ...row, status: 'running' }, result, event)).dueJobs;
        return { applied: { instanceId, result }, woke };
      });
      if (out.woke) rt.wake();
      return out.applied;
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
