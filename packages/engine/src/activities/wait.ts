import { z } from 'zod';
import { MIN_REPEAT_MS } from '../expressions/duration.ts';
import { ProcessFailure } from '../runtime/errors.ts';
import { type ActivityContext, defineActivity } from './plugin.ts';

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
  waits: true,
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
      checkAgainLater(ctx, checkEvery);
    }
    return 'wait';
  },
  resume(ctx) {
    const { condition, checkEvery } = ctx.config;
    if (condition === undefined || ctx.evaluate(condition) === true) return 'complete';
    checkAgainLater(ctx, checkEvery);
    return 'wait';
  },
});

/**
 * Schedules the condition's next check. A period under a second (in a version published before compile
 * refused one) fails the instance instead of keeping the job worker busy with it.
 */
function checkAgainLater(ctx: ActivityContext<unknown>, checkEvery: string): void {
  const at = ctx.addDuration(ctx.now, checkEvery, false);
  if (at - ctx.now < MIN_REPEAT_MS)
    throw new ProcessFailure(
      'BAD_DURATION',
      `checkEvery '${checkEvery}' repeats more often than once a second`,
      ctx.node.node.id,
    );
  ctx.scheduleTimer(at);
}
