import { z } from 'zod';
import { defineActivity, recordExpressions, templateAt } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/**
 * Adds a record to one of the company's lists (a register of contracts, of incoming documents…): `list`
 * is the list's key, `title` a `{{ }}` template, `values` field key → expression.
 */
export const addListRecord = defineActivity({
  type: 'addListRecord',
  category: 'data',
  configSchema: z.strictObject({
    list: z.string().min(1),
    title: z.string().min(1),
    values: z.record(z.string(), z.string()).default({}),
  }),
  expressions: (c) => [...templateAt('title', c.title), ...recordExpressions('values', c.values)],
  start(ctx) {
    const { list, title, values } = ctx.config;
    ctx.effect({
      type: 'addListRecord',
      list,
      title: ctx.render(title),
      values: evaluateRecord(ctx, values),
    });
    return 'complete';
  },
});
