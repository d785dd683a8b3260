import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoTime, problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { readDirectorySnapshot } from './directory-snapshot.ts';

const ids = z.array(z.string());
const directorySnapshot = z
  .object({
    users: z.array(
      z.object({
        id: z.string(),
        login: z.string(),
        name: z.string(),
        active: z.boolean(),
        heads: ids.describe('Active heads above the user, nearest first'),
      }),
    ),
    departments: z.array(
      z.object({ id: z.string(), parentId: z.string().nullable(), headId: z.string().nullable() }),
    ),
    roles: z
      .array(
        z.object({
          role: z.string(),
          departmentId: z.string().nullable().describe('Held in this department; null: company-wide'),
          userId: z.string(),
          userDepartmentId: z.string().nullable().describe("The holder's own department"),
        }),
      )
      .describe('Role holdings of active users'),
    groups: z.array(z.object({ name: z.string(), members: ids.describe('Active members') })),
    absences: z
      .array(
        z.object({
          id: z.string(),
          userId: z.string(),
          kind: z.string(),
          deputyId: z.string().nullable(),
          startsAt: isoTime,
          endsAt: isoTime.describe('Exclusive'),
        }),
      )
      .describe('Absences not over yet'),
  })
  .meta({ id: 'OrgDirectory' });

/** `GET /org/directory`: the organisation as assignment sees it, for the designer's test run. */
export const directoryRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/org/directory',
    {
      config: { access: 'org:read' },
      schema: {
        tags: ['organisation'],
        summary: 'The organisation as task assignment sees it (administrators and template editors)',
        description:
          'What the engine resolves assignees with — users, their heads, departments, role holdings, groups ' +
          'and the absences not over yet — so a client can assign as the server does (`createDirectory` of ' +
          '@baton/engine). Only for process administrators, administrators and whoever holds the edit right ' +
          'of some template: 403 FORBIDDEN otherwise.',
        response: { 200: directorySnapshot, ...problems(403) },
      },
    },
    async (request) => readDirectorySnapshot(rt, request.caller),
  );
};
