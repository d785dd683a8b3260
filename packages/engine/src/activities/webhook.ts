import { z } from 'zod';
import { defineActivity, recordExpressions, templateAt } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/** An outgoing HTTP call, delivered at least once by the runtime with the effect key as idempotency key. */
export const webhook = defineActivity({
  type: 'webhook',
  category: 'flow',
  configSchema: z.strictObject({
    url: z.string().min(1),
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
    headers: z.record(z.string(), z.string()).default({}),
    /** Body fields: name → CEL expression. */
    body: z.record(z.string(), z.string()).default({}),
  }),
  expressions: (c) => [...templateAt('url', c.url), ...recordExpressions('body', c.body)],
  start(ctx) {
    const { url, method, headers, body } = ctx.config;
    ctx.effect({
      type: 'callWebhook',
      url: ctx.render(url),
      method,
      headers,
      body: evaluateRecord(ctx, body),
    });
    return 'complete';
  },
});
