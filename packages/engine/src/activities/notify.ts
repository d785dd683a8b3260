import { z } from 'zod';
import { defineActivity, listExpressions, templateAt } from './plugin.ts';
import { evaluateList } from './values.ts';

/** An in-app notification to employees (`to`: expressions giving user references). */
export const notify = defineActivity({
  type: 'notify',
  category: 'messages',
  configSchema: z.strictObject({ to: z.array(z.string()).min(1), text: z.string().min(1) }),
  expressions: (c) => [...listExpressions('to', c.to), ...templateAt('text', c.text)],
  start(ctx) {
    ctx.effect({ type: 'notify', to: evaluateList(ctx, ctx.config.to), text: ctx.render(ctx.config.text) });
    return 'complete';
  },
});
