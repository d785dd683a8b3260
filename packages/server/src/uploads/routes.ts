import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptFileBytes, MAX_FILE_BYTES, sendFile, uploadedBytes, uploadQuery } from '../http/file-bytes.ts';
import { isoTime, problems } from '../http/schemas.ts';
import { findRow } from '../instances/service.ts';
import type { Runtime } from '../runtime/context.ts';
import { heldFile, heldFiles, instanceOwner, upload } from './store.ts';

export const uploaded = z
  .object({
    id: z.string().describe('The value of the `file` field it is for'),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
  })
  .meta({ id: 'Upload' });
/** A file something holds: a process (given at its start or in a task), a CRM item, a list record. */
export const heldFileSchema = uploaded
  .extend({ uploadedBy: z.string(), uploadedAt: isoTime })
  .meta({ id: 'HeldFile' });
const tags = ['instances'];

/**
 * Files for `file` fields: uploaded first, their id then given as the field's value in a start or a task's
 * answer (or a CRM item's or list record's fields: item-routes.ts); from then on its readers download them.
 */
export const uploadRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  acceptFileBytes(app);

  app.post(
    '/uploads',
    {
      config: { access: 'signedIn' },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary:
          'Upload a file for a `file` field (the body: its bytes, Content-Type application/octet-stream)',
        description:
          'Its id is the value of the field in a start (`params`) or a task’s answer (`variables`); an upload no start or task takes within a day is let go. At most 50 MiB (413 beyond).',
        querystring: z.object(uploadQuery),
        response: { 201: uploaded, ...problems(400, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const content = uploadedBytes(request.body, request.query.name);
      return reply.code(201).send(await upload(rt, request.caller, { ...request.query, content }));
    },
  );

  app.get(
    '/instances/:id/files',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: 'The files given to an instance (at its start or in its tasks), the first given first',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ items: z.array(heldFileSchema) }), ...problems(404) },
      },
    },
    async (request) => {
      const instance = await findRow(rt, request.caller, request.params.id);
      return { items: await heldFiles(rt.db.kysely, instanceOwner(instance.id)) };
    },
  );

  app.get(
    '/instances/:id/files/:fileId',
    {
      config: { access: 'processes:read' },
      schema: {
        tags,
        summary: "Download one of an instance's files",
        params: z.object({ id: z.string(), fileId: z.string() }),
        response: { 200: z.any().describe('the file'), ...problems(404) },
      },
    },
    async (request, reply) => {
      const instance = await findRow(rt, request.caller, request.params.id);
      return sendFile(
        reply,
        await heldFile(rt.db.kysely, [instanceOwner(instance.id)], request.params.fileId),
      );
    },
  );
};
