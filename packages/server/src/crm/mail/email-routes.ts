import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment, safeType } from '../../documents/formats.ts';
import { isoTime, page, pageQuery, problems } from '../../http/schemas.ts';
import type { Runtime } from '../../runtime/context.ts';
import { emailFile, getEmail, listEmails } from './emails.ts';
import { sendEmail } from './outgoing.ts';

const tags = ['crm'];
const idParam = z.object({ id: z.string() });
const address = z.object({ address: z.string(), name: z.string().nullable() });
const emailFields = {
  id: z.string(),
  dealId: z.string(),
  dealTitle: z.string(),
  entity: z.enum(['deal', 'lead']),
  mailboxId: z.string().nullable(),
  mailboxName: z.string().nullable(),
  direction: z.enum(['in', 'out']),
  from: address,
  to: z.array(address),
  cc: z.array(address),
  subject: z.string(),
  preview: z.string().describe('The start of the text'),
  sentAt: isoTime,
  status: z.enum(['received', 'queued', 'sent', 'failed']),
  error: z.string().nullable().describe("Why an outgoing letter's sending failed (or was retried)"),
  attachments: z.array(
    z.object({
      index: z.number().int(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number().int(),
    }),
  ),
  createdBy: z.string().nullable(),
  createdAt: isoTime,
};
const email = z.object(emailFields).meta({ id: 'CrmEmail' });
const emailDetail = z.object({ ...emailFields, text: z.string() }).meta({ id: 'CrmEmailDetail' });
const recipients = z.array(z.email().max(320)).max(50);

/** A content type as sent, if it is one; anything else downloads as bytes. */
/** Letters on deals and leads: read from connected mailboxes, or written and sent from Baton. */
export const emailRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/crm/emails',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'Letters on the deals and leads I see, newest first',
        querystring: z.object({
          dealId: z.string().optional(),
          mailboxId: z.string().optional(),
          direction: z.enum(['in', 'out']).optional(),
          ...pageQuery,
        }),
        response: { 200: page(email), ...problems(400) },
      },
    },
    async (request) => listEmails(rt, request.caller, request.query),
  );
  app.post(
    '/crm/emails',
    {
      config: { access: 'crm:write' },
      // The files come as base64: 15 MB of them take 20 MB of JSON.
      bodyLimit: 21 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Write a letter on a deal or lead; it is queued and sent through SMTP',
        body: z.object({
          dealId: z.string().min(1),
          mailboxId: z
            .string()
            .min(1)
            .optional()
            .describe("Default: the caller's own mailbox, else the company's first"),
          to: recipients.min(1),
          cc: recipients.optional(),
          subject: z.string().trim().min(1).max(500),
          text: z.string().max(100_000),
          replyToId: z
            .string()
            .min(1)
            .optional()
            .describe('The letter answered: the answer is threaded to it and its activity completed'),
          attachments: z
            .array(
              z.object({
                filename: z.string().trim().min(1).max(255),
                contentType: z
                  .string()
                  .regex(/^[\w.+-]+\/[\w.+-]+$/, 'a content type such as application/pdf')
                  .optional(),
                content: z.string().describe('The file, base64'),
              }),
            )
            .max(20)
            .optional()
            .describe('Files to send with it, 15 MB at most in all'),
        }),
        response: { 201: email, ...problems(400, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await sendEmail(rt, request.caller, request.body)),
  );
  app.get(
    '/crm/emails/:id',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: 'A letter with its text',
        params: idParam,
        response: { 200: emailDetail, ...problems(404) },
      },
    },
    async (request) => getEmail(rt, request.caller, request.params.id),
  );
  app.get(
    '/crm/emails/:id/attachments/:index',
    {
      config: { access: 'crm:read' },
      schema: {
        tags,
        summary: "One of a letter's files",
        params: z.object({ id: z.string(), index: z.coerce.number().int().min(0) }),
        response: { 200: z.any().describe('the file'), ...problems(404) },
      },
    },
    async (request, reply) => {
      const file = await emailFile(rt, request.caller, request.params.id, request.params.index);
      return reply
        .type(safeType(file.contentType))
        .header('content-disposition', attachment(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
};
