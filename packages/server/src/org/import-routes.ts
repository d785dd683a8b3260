import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { importOrganisation } from './import.ts';

/** CSV files are bigger than API bodies: 160 employees are 20 KB, 50,000 about 8 MB. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

const counts = z.object({ created: z.number().int(), updated: z.number().int() });

/** `POST /org/import`: departments and users from CSV, all or nothing. */
export const importRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.post(
    '/org/import',
    {
      config: { access: 'org:admin' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['organisation'],
        summary: 'Import departments and users from CSV in one transaction (all rows or none)',
        description:
          'A JSON body `{ departments?, users?, dryRun? }` holding the CSV texts, or one CSV file as ' +
          '`Content-Type: text/csv` with `?kind=users|departments`. Departments: id, name, parent, head ' +
          '(a login). Users: login, name, email, phone, position, department (an id), manager (a login), password, ' +
          'roles (`role` or `role@departmentId`, separated by `;`), groups, locale, timeZone, active, id. ' +
          'Errors: 422 IMPORT_FAILED listing every problem as `<file>.<row>.<column>` with its `row`.',
        querystring: z.object({
          kind: z.enum(['users', 'departments']).optional().describe('What a text/csv body holds'),
          dryRun: z.enum(['true', 'false']).optional().describe('Check everything, write nothing'),
        }),
        body: z.union([
          z.string().describe('One CSV file (text/csv)'),
          z.object({
            departments: z.string().optional(),
            users: z.string().optional(),
            dryRun: z.boolean().optional(),
          }),
        ]),
        response: {
          200: z.object({ dryRun: z.boolean(), departments: counts, users: counts }),
          ...problems(400, 403, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const { body, query } = request;
      if (typeof body === 'string' && query.kind === undefined) {
        const message = 'a text/csv body needs ?kind=users or ?kind=departments';
        throw Object.assign(new Error(message), {
          statusCode: 400,
          code: 'VALIDATION',
          errors: [{ path: 'querystring.kind', message }],
        });
      }
      const input = typeof body === 'string' ? { [query.kind as string]: body } : body;
      return importOrganisation(rt, request.caller, {
        ...input,
        dryRun: input.dryRun ?? query.dryRun === 'true',
      });
    },
  );
};
