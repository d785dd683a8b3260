import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readWriteRightsSchema } from '../access/read-write-rights.ts';
import { acceptFileBytes, MAX_FILE_BYTES, sendFile, uploadedBytes, uploadQuery } from '../http/file-bytes.ts';
import { isoTime, page, pageQuery, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import {
  deleteFile,
  fileContent,
  fileVersions,
  getFile,
  KEPT_VERSIONS,
  listFiles,
  putFile,
  renameFile,
} from './files.ts';
import { createFolder, deleteFolder, getFolder, listFolders, updateFolder } from './folders.ts';

const folder = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    rights: readWriteRightsSchema,
    canWrite: z.boolean().describe('The caller uploads, renames and deletes files'),
    canManage: z.boolean().describe('The caller changes the folder itself'),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'DriveFolder' });
const folderInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  rights: readWriteRightsSchema.optional().describe('Default: everyone reads and writes'),
});
const file = z
  .object({
    id: z.string(),
    folderId: z.string(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    version: z.number().int().describe('1 for the first upload; each upload of the name adds one'),
    createdBy: z.string(),
    createdAt: isoTime,
    updatedBy: z.string(),
    updatedAt: isoTime,
    editable: z.boolean(),
  })
  .meta({ id: 'DriveFile' });
const version = z
  .object({
    version: z.number().int(),
    contentType: z.string(),
    size: z.number().int(),
    createdBy: z.string().describe('Who uploaded it'),
    createdAt: isoTime,
  })
  .meta({ id: 'DriveFileVersion' });
const tags = ['drive'];
const byId = z.object({ id: z.string() });

/**
 * The company's drive (Диск): folders with read and write rights, their files, and processes about a
 * file (`documentRef: file:<id>`). Folders are set up by `manageFiles`.
 */
export const driveRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  acceptFileBytes(app);
  app.get(
    '/drive/folders',
    {
      config: { access: 'files:read' },
      schema: {
        tags,
        summary: 'The folders I read, by name',
        response: { 200: z.object({ items: z.array(folder) }) },
      },
    },
    async (request) => ({ items: await listFolders(rt, request.caller) }),
  );

  app.post(
    '/drive/folders',
    {
      config: { access: 'files:write' },
      schema: {
        tags,
        summary: 'Create a folder (manageFiles)',
        body: folderInput,
        response: { 201: folder, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createFolder(rt, request.caller, request.body)),
  );

  app.get(
    '/drive/folders/:id',
    {
      config: { access: 'files:read' },
      schema: { tags, summary: 'A folder', params: byId, response: { 200: folder, ...problems(404) } },
    },
    async (request) => getFolder(rt, request.caller, request.params.id),
  );

  app.put(
    '/drive/folders/:id',
    {
      config: { access: 'files:write' },
      schema: {
        tags,
        summary: "Replace a folder's name, description and rights (manageFiles)",
        params: byId,
        body: folderInput,
        response: { 200: folder, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updateFolder(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/drive/folders/:id',
    {
      config: { access: 'files:write' },
      schema: {
        tags,
        summary: 'Delete a folder and its files (manageFiles)',
        params: byId,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteFolder(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/drive/folders/:id/files',
    {
      config: { access: 'files:read' },
      schema: {
        tags,
        summary: "A folder's files, the latest changed first",
        params: byId,
        querystring: z.object({
          q: z.string().max(200).optional().describe('Text in the name, any letter case'),
          ...pageQuery,
        }),
        response: { 200: page(file), ...problems(400, 404) },
      },
    },
    async (request) => listFiles(rt, request.caller, request.params.id, request.query),
  );

  app.post(
    '/drive/folders/:id/files',
    {
      config: { access: 'files:write' },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary: 'Upload a file (the body: its bytes, Content-Type application/octet-stream)',
        description:
          'A name the folder already has becomes that file’s next version (200; the same id). At most 50 MiB (413 beyond).',
        params: byId,
        querystring: z.object(uploadQuery),
        response: { 200: file, 201: file, ...problems(400, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const content = uploadedBytes(request.body, request.query.name);
      const { file: put, created } = await putFile(rt, request.caller, request.params.id, {
        ...request.query,
        content,
      });
      return reply.code(created ? 201 : 200).send(put);
    },
  );

  app.get(
    '/drive/files/:id',
    {
      config: { access: 'files:read' },
      schema: { tags, summary: 'A file', params: byId, response: { 200: file, ...problems(404) } },
    },
    async (request) => getFile(rt, request.caller, request.params.id),
  );

  app.get(
    '/drive/files/:id/content',
    {
      config: { access: 'files:read' },
      schema: {
        tags,
        summary: "Download a file's latest version, or an earlier one kept",
        params: byId,
        querystring: z.object({
          version: z.coerce.number().int().min(1).optional().describe('An earlier version (GET …/versions)'),
        }),
        response: { 200: z.any().describe('the file'), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const f = await fileContent(rt, request.caller, request.params.id, request.query.version);
      return sendFile(reply, f);
    },
  );

  app.get(
    '/drive/files/:id/versions',
    {
      config: { access: 'files:read' },
      schema: {
        tags,
        summary: `The versions of a file whose bytes are kept (the latest ${KEPT_VERSIONS}), the latest first`,
        params: byId,
        response: { 200: z.object({ items: z.array(version) }), ...problems(404) },
      },
    },
    async (request) => ({ items: await fileVersions(rt, request.caller, request.params.id) }),
  );

  app.patch(
    '/drive/files/:id',
    {
      config: { access: 'files:write' },
      schema: {
        tags,
        summary: 'Rename a file',
        params: byId,
        body: z.object({ name: z.string() }),
        response: { 200: file, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => renameFile(rt, request.caller, request.params.id, request.body.name),
  );

  app.delete(
    '/drive/files/:id',
    {
      config: { access: 'files:write' },
      schema: {
        tags,
        summary: 'Delete a file',
        params: byId,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteFile(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
