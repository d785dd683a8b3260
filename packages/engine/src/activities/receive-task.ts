import { z } from 'zod';
import { defineActivity } from './plugin.ts';

/** Waits for a message (a payment confirmation, a reply); its payload is merged into the variables. */
export const receiveTask = defineActivity({
  type: 'receiveTask',
  waits: true,
  category: 'flow',
  configSchema: z.strictObject({ message: z.string().min(1), correlationKey: z.string().optional() }),
  expressions: (c) =>
    c.correlationKey ? [{ path: ['correlationKey'], source: c.correlationKey, mode: 'expression' }] : [],
  start(ctx) {
    const { message, correlationKey } = ctx.config;
    ctx.subscribe(message, correlationKey === undefined ? null : String(ctx.evaluate(correlationKey)));
    return 'wait';
  },
  resume(ctx, why) {
    if (why.kind === 'message') ctx.setVariables(why.payload);
    return 'complete';
  },
});
