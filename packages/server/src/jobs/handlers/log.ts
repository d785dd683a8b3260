import type { Effect } from '@baton/engine';
import { type JobHandler, payloadOf } from '../handler.ts';

type Log = Extract<Effect, { type: 'log' }>;

/** A process's log activity writes to the server log. */
export const logHandler: JobHandler = {
  kind: 'log',
  async run(rt, job, finish) {
    const e = payloadOf<Log>(job);
    rt.log[e.level]({ instanceId: job.instance_id, nodeId: e.nodeId }, e.message);
    await finish();
  },
};
