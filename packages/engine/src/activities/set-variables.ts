import { z } from 'zod';
import { defineActivity, recordExpressions } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/** Sets process variables from CEL expressions (all evaluated before any is written). */
export const setVariables = defineActivity({
  type: 'setVariables',
  category: 'data',
  configSchema: z.strictObject({ values: z.record(z.string(), z.string()) }),
  expressions: (c) => recordExpressions('values', c.values),
  start(ctx) {
    ctx.setVariables(evaluateRecord(ctx, ctx.config.values));
    return 'complete';
  },
});
