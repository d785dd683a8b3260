import { z } from 'zod';
import { defineActivity, recordExpressions } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/** Starts another process and goes on without waiting (a call activity waits). */
export const startProcess = defineActivity({
  type: 'startProcess',
  category: 'flow',
  configSchema: z.strictObject({
    definitionKey: z.string().min(1),
    params: z.record(z.string(), z.string()).default({}),
  }),
  expressions: (c) => recordExpressions('params', c.params),
  start(ctx) {
    const { definitionKey, params } = ctx.config;
    ctx.effect({ type: 'startProcess', definitionKey, params: evaluateRecord(ctx, params), callId: null });
    return 'complete';
  },
});
