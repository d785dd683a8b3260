import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { demand } from '../access/abilities.ts';
import { isoTime, page, pageQuery, problems } from '../http/schemas.ts';
import { smtpServerOf } from '../mail/settings.ts';
import { queueTestEmail } from '../mail/test-email.ts';
import type { Runtime } from '../runtime/context.ts';
import { smsGatewayOf } from '../sms/settings.ts';
import { listJobs, retryDeadJob } from './service.ts';

const status = z.enum(['pending', 'done', 'dead', 'cancelled']);
const job = z
  .object({
    key: z
      .string()
      .describe('The instance id and the effect key or timer id; the idempotency key of delivery'),
    kind: z.string().describe('timer, sendEmail, sendSms, notify, callWebhook, startProcess, …'),
    instanceId: z.string().nullable(),
    status,
    dueAt: isoTime,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    lockedBy: z.string().nullable(),
    lockedUntil: isoTime.nullable(),
    payload: z.unknown(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Job' });

const tags = ['jobs'];

/**
 * The outbox and timers. E-mail goes out when the worker has an SMTP server; SMS, document and feed
 * jobs have no transport yet: they stay pending here with their full payload.
 */
export const jobRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/jobs',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'List jobs (outbox effects and timers)',
        querystring: z.object({
          status: status.optional(),
          kind: z.string().optional(),
          instanceId: z.string().optional(),
          ...pageQuery,
        }),
        response: { 200: page(job), ...problems(400, 403) },
      },
    },
    async (request) => listJobs(rt, request.caller, request.query),
  );

  app.post(
    '/jobs/:key/retry',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Retry a dead job: pending again, attempts from zero, due now',
        params: z.object({ key: z.string() }),
        response: { 200: job, ...problems(403, 404, 409) },
      },
    },
    async (request) => retryDeadJob(rt, request.caller, request.params.key),
  );

  app.get(
    '/jobs/email',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'Whether e-mail goes out, and through which server (as this process is set up)',
        description:
          'From the answering process’s `BATON_SMTP_URL` and `BATON_MAIL_FROM` — the variables the ' +
          'processes that run jobs read too. The server is shown without its credentials.',
        response: {
          200: z.object({ on: z.boolean(), server: z.string().nullable(), from: z.string().nullable() }),
          ...problems(403),
        },
      },
    },
    async (request) => {
      demand(request.caller, 'administerProcesses', 'the e-mail settings');
      const mail = rt.mail ?? null;
      return { on: mail !== null, server: mail ? smtpServerOf(mail) : null, from: mail?.from ?? null };
    },
  );

  app.get(
    '/jobs/sms',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'Whether SMS go out, and through which gateway (as this process is set up)',
        description: 'From the answering process’s `BATON_SMS_URL`, shown without its query (the key).',
        response: { 200: z.object({ on: z.boolean(), gateway: z.string().nullable() }), ...problems(403) },
      },
    },
    async (request) => {
      demand(request.caller, 'administerProcesses', 'the SMS settings');
      const sms = rt.sms ?? null;
      return { on: sms !== null, gateway: sms ? smsGatewayOf(sms) : null };
    },
  );

  app.post(
    '/jobs/test-email',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Queue a test e-mail to me, to see whether e-mail goes out',
        description:
          'A `sendEmail` job to the caller’s address, delivered like a process’s e-mail: it becomes ' +
          '`done`, `pending` with the SMTP error while retried (or for good while the server sends no ' +
          'e-mail), or `dead`. 422 `NO_EMAIL_ADDRESS` when the caller’s profile has no address.',
        response: { 201: job, ...problems(403, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await queueTestEmail(rt, request.caller)),
  );
};
