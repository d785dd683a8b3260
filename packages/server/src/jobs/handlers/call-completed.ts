import { CALL_COMPLETED_MESSAGE, EventRejected } from '@baton/engine';
import { applyEvent } from '../../instances/apply.ts';
import { NotFound } from '../../runtime/errors.ts';
import { type JobHandler, payloadOf } from '../handler.ts';

interface CallEnded {
  parentId: string;
  callId: string;
  status: string;
  variables: Record<string, unknown>;
}

/** A called process ended: its parent's call activity receives `baton.callCompleted` (exactly once). */
export const callCompletedHandler: JobHandler = {
  kind: 'callCompleted',
  async run(rt, job, finish) {
    const p = payloadOf<CallEnded>(job);
    const event = {
      type: 'message',
      name: CALL_COMPLETED_MESSAGE,
      correlationKey: p.callId,
      payload: { status: p.status, variables: p.variables },
    } as const;
    try {
      await applyEvent(rt, p.parentId, event, finish);
    } catch (error) {
      if (error instanceof EventRejected || error instanceof NotFound) return finish();
      throw error;
    }
  },
};
