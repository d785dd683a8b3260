import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, page, pageQuery, problems, queryBoolean } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import * as service from './service.ts';

/** A reminder, an overdue notice or a client's letter as data, for the reader's language. */
export const noticeSchema = z
  .discriminatedUnion('key', [
    z.object({ key: z.literal('taskReminder'), title: z.string(), dueAt: isoTime }),
    z.object({ key: z.literal('taskOverdue'), title: z.string(), late: z.array(z.string()) }),
    z.object({ key: z.literal('crmLetter'), from: z.string(), subject: z.string() }),
  ])
  .meta({ id: 'Notice' });

export const notificationSchema = z
  .object({
    id: z.string(),
    text: z.string().describe('As the template wrote it, or the English form of a notice Baton words'),
    message: noticeSchema
      .nullable()
      .describe('A notice Baton words itself, to show in the reader’s language (null: show `text`)'),
    instanceId: z.string().nullable(),
    nodeId: z.string().nullable(),
    createdAt: isoTime,
    readAt: isoTime.nullable(),
  })
  .meta({ id: 'Notification' });
const idParam = z.object({ id: z.string() });
const tags = ['notifications'];

/** The signed-in user's in-app notifications: list, mark one or all read. */
export const notificationRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/notifications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'My notifications, newest first, with the number unread',
        querystring: z.object({
          unread: queryBoolean.optional().describe('true: only unread; false: only read'),
          ...pageQuery,
        }),
        response: {
          200: page(notificationSchema).extend({
            unreadCount: z.number().int().describe('All my unread notifications, whatever the page'),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => service.listNotifications(rt, request.caller, request.query),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: z.object({ marked: z.number().int().describe('How many were unread') }) },
      },
    },
    async (request) => ({ marked: await service.markAllRead(rt, request.caller) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: idParam,
        response: { 200: notificationSchema, ...problems(404) },
      },
    },
    async (request) => service.markRead(rt, request.caller, request.params.id),
  );
};
