import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../http/schemas.ts';
import { deliverSigned, TIMEOUT_MS } from '../jobs/handlers/webhook.ts';
import type { Runtime } from '../runtime/context.ts';
import { WEBHOOK_EVENTS } from './events.ts';
import { createWebhook, deleteWebhook, listWebhooks, updateWebhook, webhookOf } from './subscriptions.ts';

const webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    definitionKey: z
      .string()
      .nullable()
      .describe('Process events of this template only (null: of every one)'),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'EventWebhook' });

const input = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .refine((events) => new Set(events).size === events.length, 'names an event twice'),
  definitionKey: z.string().min(1).max(100).nullable().optional(),
  active: z.boolean().optional(),
});

const params = z.object({ id: z.string() });

/**
 * Webhooks Baton's events go out through (administrators: every process's and deal's events leave with
 * them). Each event is a job, delivered at least once, signed with the server's webhook secret.
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  const tags = ['webhooks'];
  app.get(
    '/webhooks',
    {
      config: { access: 'webhooks:admin' },
      schema: {
        tags,
        summary: 'Every webhook',
        response: { 200: z.object({ items: z.array(webhook) }), ...problems(403) },
      },
    },
    async (request) => ({ items: await listWebhooks(rt, request.caller) }),
  );
  app.post(
    '/webhooks',
    {
      config: { access: 'webhooks:admin' },
      schema: {
        tags,
        summary: 'Add a webhook',
        body: input,
        response: { 201: webhook, ...problems(400, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createWebhook(rt, request.caller, request.body)),
  );
  app.get(
    '/webhooks/:id',
    {
      config: { access: 'webhooks:admin' },
      schema: { tags, summary: 'One webhook', params, response: { 200: webhook, ...problems(403, 404) } },
    },
    async (request) => webhookOf(rt, request.caller, request.params.id),
  );
  app.put(
    '/webhooks/:id',
    {
      config: { access: 'webhooks:admin' },
      schema: {
        tags,
        summary: 'Replace a webhook: its URL, events, template and whether it sends',
        params,
        body: input,
        response: { 200: webhook, ...problems(400, 403, 404) },
      },
    },
    async (request) => updateWebhook(rt, request.caller, request.params.id, request.body),
  );
  app.delete(
    '/webhooks/:id',
    {
      config: { access: 'webhooks:admin' },
      schema: {
        tags,
        summary: 'Delete a webhook',
        params,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteWebhook(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/webhooks/:id/test',
    {
      config: { access: 'webhooks:admin' },
      schema: {
        tags,
        summary: 'Send the webhook a `webhook.test` event now, signed, and say how its URL answered',
        params,
        response: {
          200: z.object({ delivered: z.boolean(), error: z.string().optional() }),
          ...problems(403, 404),
        },
      },
    },
    async (request) => {
      const hook = await webhookOf(rt, request.caller, request.params.id);
      const at = rt.now();
      const body = JSON.stringify({
        event: 'webhook.test',
        at: new Date(at).toISOString(),
        webhookId: hook.id,
        data: {},
      });
      const key = `webhook.test:${hook.id}:${at}`;
      try {
        await deliverSigned({ url: hook.url, method: 'POST', headers: {} }, body, {
          key,
          timestamp: String(at),
          secret: rt.webhookSecret ?? '',
          timeoutMs: TIMEOUT_MS,
        });
        return { delivered: true };
      } catch (error) {
        return { delivered: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  );
};
