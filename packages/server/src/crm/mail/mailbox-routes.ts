import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../../http/schemas.ts';
import type { Runtime } from '../../runtime/context.ts';
import { checkMailbox } from './check.ts';
import type { MailboxInput } from './mailbox-rows.ts';
import {
  createMailbox,
  deleteMailbox,
  getMailbox,
  listMailboxes,
  updateMailbox,
  usableMailbox,
} from './mailboxes.ts';

const tags = ['crm'];
const idParam = z.object({ id: z.string() });
const host = z.string().trim().min(1).max(255);
const user = z.string().trim().min(1).max(320);
const password = z.string().min(1).max(1000);

/** The servers as given when connecting (with their passwords) and when changing (passwords may stay). */
const servers = <P extends z.ZodType>(secret: P) => ({
  imap: z.object({
    host,
    port: z.number().int().min(1).max(65535).default(993),
    tls: z.boolean().default(true).describe('TLS from the start (993); false: plain IMAP'),
    user,
    password: secret,
    folder: z.string().trim().min(1).max(500).default('INBOX'),
  }),
  smtp: z
    .object({
      host,
      port: z.number().int().min(1).max(65535).default(465),
      tls: z.boolean().default(true).describe('TLS from the start (465); false: STARTTLS when offered (587)'),
      user,
      password: secret,
    })
    .nullable()
    .optional()
    .describe("The mailbox's own SMTP server; null: Baton's (BATON_SMTP_URL)"),
});
const settings = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.email().max(320).describe('The address letters written in Baton go out from'),
  ownerId: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe(
      "A person's own mailbox; null: the company's. Default: the company's for manageCrm, else the caller's",
    ),
  leadPipelineId: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe('Letters from unknown senders become leads on this lead pipeline; null: they are not taken'),
  leadResponsibleId: z.string().min(1).nullable().optional().describe('Who leads those leads'),
  enabled: z.boolean().optional(),
  checkEveryMinutes: z.number().int().min(1).max(1440).optional().describe('Default: 5'),
});
const mailboxInput = settings.extend(servers(password));
const mailboxPatch = settings
  .extend(servers(password.optional().describe('Left out: the stored one is kept')))
  .partial();
const server = { host: z.string(), port: z.number().int(), tls: z.boolean(), user: z.string() };
const mailbox = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    imap: z.object({ ...server, folder: z.string() }),
    smtp: z.object(server).nullable(),
    leadPipelineId: z.string().nullable(),
    leadResponsibleId: z.string().nullable(),
    enabled: z.boolean(),
    checkEveryMinutes: z.number().int(),
    checkedAt: isoTime.nullable(),
    lastError: z.string().nullable().describe('Why the last check failed'),
    editable: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CrmMailbox' });

/** Company mailboxes and managers' own mailboxes connected to the CRM. */
export const mailboxRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/mailboxes',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: "The company's mailboxes and the caller's own (manageCrm: every one)",
        response: { 200: z.object({ items: z.array(mailbox) }) },
      },
    },
    async (request) => ({ items: await listMailboxes(rt, request.caller) }),
  );
  app.post(
    '/crm/mailboxes',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Connect a mailbox; it must sign in first (422 MAILBOX_UNREACHABLE at the field that fails)',
        body: mailboxInput,
        response: { 201: mailbox, ...problems(400, 403, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createMailbox(rt, request.caller, request.body as MailboxInput)),
  );
  app.get(
    '/crm/mailboxes/:id',
    {
      config: { access: 'crm:read' },
      schema: { tags, summary: 'A mailbox', params: idParam, response: { 200: mailbox, ...problems(404) } },
    },
    async (request) => getMailbox(rt, request.caller, request.params.id),
  );
  app.patch(
    '/crm/mailboxes/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Change a mailbox; passwords left out are kept, new connection settings are tried first',
        params: idParam,
        body: mailboxPatch,
        response: { 200: mailbox, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => updateMailbox(rt, request.caller, request.params.id, request.body),
  );
  app.delete(
    '/crm/mailboxes/:id',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Disconnect a mailbox; the letters it brought stay on their deals',
        params: idParam,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteMailbox(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/crm/mailboxes/:id/check',
    {
      config: { access: 'crm:write' },
      schema: {
        tags,
        summary: 'Check the mailbox now (otherwise every checkEveryMinutes)',
        params: idParam,
        response: {
          200: z.object({
            fetched: z.number().int(),
            linked: z.number().int().describe('Put on a deal or lead'),
            leads: z.number().int().describe('Leads made of letters from unknown senders'),
            error: z.string().nullable(),
            more: z.boolean().describe('More new letters wait: the next check follows at once'),
            mailbox,
          }),
          ...problems(403, 404),
        },
      },
    },
    async (request) => {
      await usableMailbox(rt.db.kysely, request.caller, request.params.id);
      const result = await checkMailbox(rt, request.params.id);
      return { ...result, mailbox: await getMailbox(rt, request.caller, request.params.id) };
    },
  );
};
