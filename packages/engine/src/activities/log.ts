import { z } from 'zod';
import { defineActivity, templateAt } from './plugin.ts';

/** Writes a line to the instance's log (history and server log); for debugging processes. */
export const log = defineActivity({
  type: 'log',
  category: 'data',
  configSchema: z.strictObject({
    message: z.string().min(1),
    level: z.enum(['info', 'warn', 'error']).default('info'),
  }),
  expressions: (c) => templateAt('message', c.message),
  start(ctx) {
    ctx.effect({ type: 'log', level: ctx.config.level, message: ctx.render(ctx.config.message) });
    return 'complete';
  },
});
