import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems, queryBoolean } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import { IMPORT_COLUMNS, IMPORT_KINDS, importCrm } from './import.ts';

/** A CRM file of 50,000 rows is a few megabytes. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** `POST /crm/import`: companies, contacts or deals from CSV, all or nothing. */
export const crmImportRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.post(
    '/crm/import',
    {
      config: { access: 'crm:write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['crm'],
        summary: 'Import companies, contacts or deals from a CSV file in one transaction (all rows or none)',
        description: `A \`text/csv\` body. Columns (any letter case) — ${IMPORT_KINDS.map(
          (k) => `${k}: ${IMPORT_COLUMNS[k].join(', ')}`,
        ).join(
          '; ',
        )}; deals also a column per deal field key. Errors: 422 IMPORT_FAILED listing every problem as \`<kind>.<row>.<column>\` with its \`row\`.`,
        querystring: z.object({
          kind: z.enum(IMPORT_KINDS),
          dryRun: queryBoolean.optional().describe('Check everything, write nothing'),
        }),
        body: z.string().describe('The CSV file (text/csv)'),
        response: {
          200: z.object({ dryRun: z.boolean(), created: z.number().int(), updated: z.number().int() }),
          ...problems(400, 413, 415, 422),
        },
      },
    },
    async (request) =>
      importCrm(rt, request.caller, request.query.kind, request.body, request.query.dryRun === true),
  );
};
