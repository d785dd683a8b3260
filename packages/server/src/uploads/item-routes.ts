import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Caller } from '../access/caller.ts';
import type { Scope } from '../access/scopes.ts';
import { getDeal } from '../crm/deals.ts';
import { getParty } from '../crm/parties.ts';
import { sendFile } from '../http/file-bytes.ts';
import { problems } from '../http/schemas.ts';
import { readableRecord } from '../lists/records.ts';
import type { Runtime } from '../runtime/context.ts';
import { heldFileSchema } from './routes.ts';
import { heldFile, heldFiles } from './store.ts';

/** What holds files through its `file` fields, where, and how a reader is told (404 for anyone else). */
interface Holder {
  path: string;
  what: string;
  scope: Scope;
  tag: string;
  /** The holder's reference once the caller reads it (its owner of files). */
  owner: (rt: Runtime, caller: Caller, id: string) => Promise<string>;
}

const HOLDERS: Holder[] = [
  {
    path: '/crm/deals',
    what: 'a deal',
    scope: 'crm:read',
    tag: 'crm',
    owner: async (rt, caller, id) => `deal:${(await getDeal(rt, caller, id, 'deal')).id}`,
  },
  {
    path: '/crm/leads',
    what: 'a lead',
    scope: 'crm:read',
    tag: 'crm',
    owner: async (rt, caller, id) => `lead:${(await getDeal(rt, caller, id, 'lead')).id}`,
  },
  {
    path: '/crm/contacts',
    what: 'a contact',
    scope: 'crm:read',
    tag: 'crm',
    owner: async (rt, caller, id) => `contact:${(await getParty(rt, caller, 'contact', id)).id}`,
  },
  {
    path: '/crm/companies',
    what: 'a company',
    scope: 'crm:read',
    tag: 'crm',
    owner: async (rt, caller, id) => `company:${(await getParty(rt, caller, 'company', id)).id}`,
  },
  {
    path: '/list-records',
    what: 'a list record',
    scope: 'lists:read',
    tag: 'lists',
    owner: async (rt, caller, id) => `record:${(await readableRecord(rt.db.kysely, caller, id)).record.id}`,
  },
];

/**
 * The files CRM items and list records hold through their `file` fields ("the contract's scan"), for
 * whoever reads the item: the list, and each as a download.
 */
export const itemFileRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  for (const h of HOLDERS) {
    app.get(
      `${h.path}/:id/files`,
      {
        config: { access: h.scope },
        schema: {
          tags: [h.tag],
          summary: `The files ${h.what} holds in its file fields, the first given first`,
          params: z.object({ id: z.string() }),
          response: { 200: z.object({ items: z.array(heldFileSchema) }), ...problems(404) },
        },
      },
      async (request) => ({
        items: await heldFiles(rt.db.kysely, await h.owner(rt, request.caller, request.params.id)),
      }),
    );
    app.get(
      `${h.path}/:id/files/:fileId`,
      {
        config: { access: h.scope },
        schema: {
          tags: [h.tag],
          summary: `Download a file ${h.what} holds`,
          params: z.object({ id: z.string(), fileId: z.string() }),
          response: { 200: z.any().describe('the file'), ...problems(404) },
        },
      },
      async (request, reply) => {
        const owner = await h.owner(rt, request.caller, request.params.id);
        return sendFile(reply, await heldFile(rt.db.kysely, [owner], request.params.fileId));
      },
    );
  }
};
