import { z } from 'zod';
import { defineActivity, listExpressions, templateAt } from './plugin.ts';
import { evaluateList } from './values.ts';

/** An SMS, queued in the outbox; `to` are expressions giving phone numbers or user references. */
export const sms = defineActivity({
  type: 'sms',
  category: 'messages',
  configSchema: z.strictObject({ to: z.array(z.string()).min(1), text: z.string().min(1) }),
  expressions: (c) => [...listExpressions('to', c.to), ...templateAt('text', c.text)],
  start(ctx) {
    ctx.effect({ type: 'sendSms', to: evaluateList(ctx, ctx.config.to), text: ctx.render(ctx.config.text) });
    return 'complete';
  },
});
