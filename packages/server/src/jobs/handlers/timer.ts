import { EventRejected } from '@baton/engine';
import { applyEvent } from '../../instances/apply.ts';
import { NotFound } from '../../runtime/errors.ts';
import { type JobHandler, payloadOf } from '../handler.ts';

/** A due timer fires: one engine step, committed together with the job's completion (exactly once). */
export const timerHandler: JobHandler = {
  kind: 'timer',
  async run(rt, job, finish) {
    const { instanceId, timerId } = payloadOf<{ instanceId: string; timerId: string }>(job);
    try {
      await applyEvent(rt, instanceId, { type: 'timerFired', timerId }, finish);
    } catch (error) {
      // The timer was withdrawn or the instance ended meanwhile: nothing left to fire.
      if (error instanceof EventRejected || error instanceof NotFound) return finish();
      throw error;
    }
  },
};
