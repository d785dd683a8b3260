import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { listFeed } from './service.ts';

const post = z
  .object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    everyone: z.boolean().describe('Posted to everyone (else to the people its activity named)'),
    instanceId: z.string().nullable().describe('The process that posted it, when the reader may open it'),
    definitionKey: z.string().nullable().describe('The template of the process that posted it'),
    startedBy: z.string().nullable().describe('Who started that process'),
    nodeId: z.string(),
    createdAt: isoTime,
  })
  .meta({ id: 'FeedPost' });

/** The activity feed: what processes post (publishFeed activities) for everyone or for some. */
export const feedRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/feed',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['feed'],
        summary: 'My feed, newest first: posts to everyone and to me',
        querystring: z.object(pageQuery),
        response: { 200: page(post), ...problems(400) },
      },
    },
    async (request) => listFeed(rt, request.caller, request.query),
  );
};
