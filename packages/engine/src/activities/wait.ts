import { z } from 'zod';
import { ProcessFailure } from '../runtime/errors.ts';
import { defineActivity } from './plugin.ts';

const config = z
  .strictObject({
    /** ISO 8601 duration to wait. */
    duration: z.string().optional(),
    workingTime: z.boolean().default(false),
    /** CEL expression giving the ISO date-time to wait until. */
    until: z.string().optional(),
    /** CEL condition; the activity completes when it holds, checked on entry and every `checkEvery`. */
    condition: z.string().optional(),
    checkEvery: z.string().default('PT1H'),
  })
  .refine((c) => [c.duration, c.until, c.condition].filter((v) => v !== undefined).length === 1, {
    message: 'wait needs exactly one of duration, until, condition',
  });

/** Pauses the process: for a duration, until a date, or until a condition over its data holds. */
export const wait = defineActivity({
  type: 'wait',
  category: 'flow',
  configSchema: config,
  expressions: (c) => [
    ...(c.until ? [{ path: ['until'], source: c.until, mode: 'expression' as const }] : []),
    ...(c.condition ? [{ path: ['condition'], source: c.condition, mode: 'expression' as const }] : []),
  ],
  start(ctx) {
    const { duration, workingTime, until, condition, checkEvery } = ctx.config;
    if (duration !== undefined) ctx.scheduleTimer(ctx.addDuration(ctx.now, duration, workingTime));
    else if (until !== undefined) {
      const value = ctx.evaluate(until);
      const dueAt = Date.parse(String(value));
      if (Number.isNaN(dueAt))
        throw new ProcessFailure(
          'BAD_DATE',
          `wait until ${JSON.stringify(value)} is not an ISO date-time`,
          ctx.node.node.id,
        );
      ctx.scheduleTimer(dueAt);
    } else if (condition !== undefined) {
      if (ctx.evaluate(condition) === true) return 'complete';
      ctx.scheduleTimer(ctx.addDuration(ctx.now, checkEvery, false));
    }
    return 'wait';
  },
  resume(ctx) {
    const { condition, checkEvery } = ctx.config;
    if (condition === undefined || ctx.evaluate(condition) === true) return 'complete';
    ctx.scheduleTimer(ctx.addDuration(ctx.now, checkEvery, false));
    return 'wait';
  },
});
