import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { PermanentFailure } from '../../jobs/handlers/webhook.ts';
import { Unprocessable } from '../../runtime/errors.ts';
import { applyTriggers, TRIGGER_JOB, type TriggerJob } from './fire.ts';

/**
 * An event's triggers acting on its deal or lead. A deal deleted since, or no trigger that may move it
 * now, is nothing to do; a stage that refuses it (a required field empty) makes the job dead with the
 * reason, in the outbox for the administrator; a deal changed at the same moment is tried again.
 */
export const triggerHandler: JobHandler = {
  kind: TRIGGER_JOB,
  async run(rt, job, finish) {
    const happened = payloadOf<TriggerJob>(job);
    try {
      await rt.db.kysely.transaction().execute(async (trx) => {
        await applyTriggers(rt, trx, happened);
        await finish(trx);
      });
    } catch (error) {
      if (error instanceof Unprocessable) throw new PermanentFailure(error.message);
      throw error;
    }
  },
};
