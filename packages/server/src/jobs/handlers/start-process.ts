import { type Effect, EventRejected } from '@baton/engine';
import { startInstance } from '../../instances/start.ts';
import { NotFound } from '../../runtime/errors.ts';
import { enqueue } from '../enqueue.ts';
import { type JobHandler, payloadOf } from '../handler.ts';

type StartProcess = Extract<Effect, { type: 'startProcess' }>;

/**
 * Starts the process a call activity or a startProcess activity asked for. The job key is the start's
 * idempotency key, so a retried job never starts a second child. A child that cannot start at all is
 * reported to a waiting parent as failed (its error boundary can catch CALL_FAILED).
 */
export const startProcessHandler: JobHandler = {
  kind: 'startProcess',
  async run(rt, job, finish) {
    const e = payloadOf<StartProcess>(job);
    const parent = e.callId && job.instance_id ? { id: job.instance_id, callId: e.callId } : null;
    try {
      await startInstance(rt, {
        definitionKey: e.definitionKey,
        params: e.params,
        idempotencyKey: job.key,
        parent,
      });
      await finish();
    } catch (error) {
      if (!(error instanceof NotFound || error instanceof EventRejected) || !parent) throw error;
      await rt.db.kysely.transaction().execute(async (trx) => {
        const payload = {
          parentId: parent.id,
          callId: parent.callId,
          status: 'failed',
          variables: {},
          error: error.message,
        };
        await enqueue(
          trx,
          [
            {
              kind: 'callCompleted',
              key: `${job.key}:failed`,
              instanceId: parent.id,
              payload,
              dueAt: rt.now(),
            },
          ],
          rt.now(),
        );
        await finish(trx);
      });
      rt.wake();
    }
  },
};
