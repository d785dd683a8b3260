import { z } from 'zod';
import { defineActivity, listExpressions, templateAt } from './plugin.ts';
import { evaluateList } from './values.ts';

/** An e-mail, queued in the outbox; `to`/`cc` are expressions giving addresses or user references. */
export const email = defineActivity({
  type: 'email',
  category: 'messages',
  configSchema: z.strictObject({
    to: z.array(z.string()).min(1),
    cc: z.array(z.string()).default([]),
    subject: z.string().min(1),
    body: z.string(),
  }),
  expressions: (c) => [
    ...listExpressions('to', c.to),
    ...listExpressions('cc', c.cc),
    ...templateAt('subject', c.subject),
    ...templateAt('body', c.body),
  ],
  start(ctx) {
    const { to, cc, subject, body } = ctx.config;
    ctx.effect({
      type: 'sendEmail',
      to: evaluateList(ctx, to),
      cc: evaluateList(ctx, cc),
      subject: ctx.render(subject),
      body: ctx.render(body),
    });
    return 'complete';
  },
});
