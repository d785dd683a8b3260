import { z } from 'zod';
import { ProcessFailure } from '../runtime/errors.ts';
import { defineActivity, recordExpressions, templateAt } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/** A header name as HTTP defines a token (RFC 9110 §5.6.2). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** http(s), a host, then an optional path, query or fragment, with no whitespace anywhere. */
const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const isHttpUrl = (text: string): boolean => HTTP_URL.test(text);

/** An outgoing HTTP call, delivered at least once by the runtime with the effect key as idempotency key. */
export const webhook = defineActivity({
  type: 'webhook',
  category: 'flow',
  configSchema: z.strictObject({
    /** A template; without placeholders it must already be an http(s) URL. */
    url: z
      .string()
      .min(1)
      .refine((url) => url.includes('{{') || isHttpUrl(url), 'must be an http:// or https:// URL'),
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
    // Checked here: a header fetch refuses would otherwise fail every delivery attempt until the job is dead.
    headers: z
      .record(
        z.string().regex(HEADER_NAME, 'is not an HTTP header name'),
        z.string().refine((value) => !/[\r\n\0]/.test(value), 'must not hold line breaks or NUL'),
      )
      .default({}),
    /** Body fields: name → CEL expression. */
    body: z.record(z.string(), z.string()).default({}),
  }),
  expressions: (c) => [...templateAt('url', c.url), ...recordExpressions('body', c.body)],
  start(ctx) {
    const { url, method, headers, body } = ctx.config;
    const target = ctx.render(url);
    if (!isHttpUrl(target))
      throw new ProcessFailure(
        'BAD_URL',
        `the webhook URL ${JSON.stringify(target)} is not an http:// or https:// URL`,
        ctx.node.node.id,
      );
    ctx.effect({
      type: 'callWebhook',
      url: target,
      method,
      headers,
      body: evaluateRecord(ctx, body),
    });
    return 'complete';
  },
});
