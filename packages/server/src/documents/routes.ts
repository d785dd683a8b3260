import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, jsonObject, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict } from '../runtime/errors.ts';
import { attachment, DOCUMENT_FORMATS, MIME_TYPES, TEMPLATE_KINDS } from './formats.ts';
import { type DocumentFile, documentFile, instanceDocuments, previewDocument } from './service.ts';
import { deleteTemplate, getTemplate, listTemplates, putTemplate, templateRow } from './templates.ts';

/** A DOCX template may be up to 10 MiB; its base64 in a JSON body a third more. */
const MAX_BASE64_LENGTH = Math.ceil((10 * 1024 * 1024) / 3) * 4;
const TEMPLATE_BODY_LIMIT = MAX_BASE64_LENGTH + 64 * 1024;
const MAX_TEXT_LENGTH = 1024 * 1024;

const templateKey = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/,
    'must be 1–100 letters, digits, "_" or "-", starting with a letter or digit',
  );
const keyParam = z.object({ key: templateKey });
const format = z.enum(DOCUMENT_FORMATS);
const summary = z
  .object({
    key: z.string(),
    name: z.string(),
    kind: z.enum(TEMPLATE_KINDS).describe('docx: an uploaded Word file; text: laid out by Baton'),
    formats: z
      .array(format)
      .describe('What it can make: docx for a DOCX template, pdf and docx for a text one'),
    placeholders: z.array(z.string()).describe('The names it reads: {client}, {#items}…{/items}'),
    size: z.number().int().describe('Bytes of the file or text'),
    updatedAt: isoTime,
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'DocumentTemplateSummary' });
const template = summary.extend({ text: z.string().nullable() }).meta({ id: 'DocumentTemplate' });
const templateInput = z.discriminatedUnion('kind', [
  z.strictObject({
    name: z.string().trim().min(1).max(200),
    kind: z.literal('text'),
    text: z.string().max(MAX_TEXT_LENGTH),
  }),
  z.strictObject({
    name: z.string().trim().min(1).max(200),
    kind: z.literal('docx'),
    content: z
      .base64()
      .max(MAX_BASE64_LENGTH, 'the file must be at most 10 MiB')
      .describe('The .docx file, base64'),
  }),
]);
const document = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    nodeId: z.string(),
    templateKey: z.string(),
    fileName: z.string(),
    format,
    size: z.number().int(),
    createdAt: isoTime,
  })
  .meta({ id: 'Document' });
const file = z.string().describe('The file (application/pdf or DOCX), as an attachment');
const tags = ['documents'];

function sendFile(reply: FastifyReply, f: DocumentFile) {
  return reply.type(MIME_TYPES[f.format]).header('content-disposition', attachment(f.fileName)).send(f.file);
}

/** Document templates, and the documents processes generate from them (createDocument activities). */
export const documentRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/document-templates',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'Document templates, by name',
        response: { 200: z.object({ items: z.array(summary) }) },
      },
    },
    async () => ({ items: await listTemplates(rt) }),
  );

  app.get(
    '/document-templates/:key',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'A document template',
        params: keyParam,
        response: { 200: template, ...problems(400, 404) },
      },
    },
    async (request) => getTemplate(rt, request.params.key),
  );

  app.get(
    '/document-templates/:key/file',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: "A DOCX template's file",
        params: keyParam,
        response: { 200: file, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await templateRow(rt, request.params.key);
      if (row.file === null)
        throw new Conflict(`${row.key} is a text template: it has no file`, 'NOT_A_FILE');
      return sendFile(reply, { fileName: `${row.key}.docx`, format: 'docx', file: row.file });
    },
  );

  app.put(
    '/document-templates/:key',
    {
      config: { access: 'processes:write' },
      bodyLimit: TEMPLATE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Create or replace a document template (process administrators)',
        description:
          'A text template `{ name, kind: "text", text }` or a Word file `{ name, kind: "docx", content: base64 }`. ' +
          'Placeholders `{name}`, sections `{#items}…{/items}`, conditions `{^paid}…{/paid}`; in a text template ' +
          'lines starting `# ` and `## ` are headings and `- ` list items. A template that does not parse: 422 ' +
          'INVALID_TEMPLATE naming each problem.',
        params: keyParam,
        body: templateInput,
        response: { 200: template, 201: template, ...problems(400, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const input =
        body.kind === 'text'
          ? body
          : { name: body.name, kind: 'docx' as const, file: Buffer.from(body.content, 'base64') };
      const { created, template: saved } = await putTemplate(rt, request.caller, request.params.key, input);
      return reply.code(created ? 201 : 200).send(saved);
    },
  );

  app.delete(
    '/document-templates/:key',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Delete a document template (process administrators); documents made from it stay',
        params: keyParam,
        response: { 204: z.null(), ...problems(400, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteTemplate(rt, request.caller, request.params.key);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/document-templates/:key/preview',
    {
      config: { access: 'processes:write' },
      schema: {
        tags,
        summary: 'Fill a template with sample data and answer the file (process administrators)',
        params: keyParam,
        body: z.strictObject({ format, data: jsonObject.default({}) }),
        response: { 200: file, ...problems(400, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { format: wanted, data } = request.body;
      return sendFile(reply, await previewDocument(rt, request.caller, request.params.key, wanted, data));
    },
  );

  app.get(
    '/instances/:id/documents',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'The documents an instance generated, newest first',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ items: z.array(document) }), ...problems(404) },
      },
    },
    async (request) => ({ items: await instanceDocuments(rt, request.caller, request.params.id) }),
  );

  app.get(
    '/documents/:id',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'A generated document (for whoever sees its instance)',
        params: z.object({ id: z.string() }),
        response: { 200: file, ...problems(404) },
      },
    },
    async (request, reply) => sendFile(reply, await documentFile(rt, request.caller, request.params.id)),
  );
};
