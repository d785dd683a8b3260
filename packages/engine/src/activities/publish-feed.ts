import { z } from 'zod';
import { defineActivity, listExpressions, templateAt } from './plugin.ts';
import { evaluateList } from './values.ts';

/** A post in the activity feed (живая лента); `to` empty means everyone. */
export const publishFeed = defineActivity({
  type: 'publishFeed',
  category: 'messages',
  configSchema: z.strictObject({
    title: z.string().min(1),
    text: z.string(),
    to: z.array(z.string()).default([]),
  }),
  expressions: (c) => [
    ...templateAt('title', c.title),
    ...templateAt('text', c.text),
    ...listExpressions('to', c.to),
  ],
  start(ctx) {
    const { title, text, to } = ctx.config;
    ctx.effect({
      type: 'publishFeed',
      title: ctx.render(title),
      text: ctx.render(text),
      to: evaluateList(ctx, to),
    });
    return 'complete';
  },
});
