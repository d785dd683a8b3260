import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Runtime } from '../runtime/context.ts';
import { problem, sendProblem } from './problem.ts';
import { problems } from './schemas.ts';

/**
 * `GET /health`, open to anyone: 200 `{"status":"ok"}` once the database answers, 503 `NOT_READY`
 * while it does not. `baton serve` answers it beside the API, `baton worker --health-port N` alone.
 */
export function registerHealth(app: FastifyInstance, rt: Runtime): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        summary: 'Readiness: 200 once the database answers (it is migrated before the server listens)',
        security: [],
        response: { 200: z.object({ status: z.literal('ok') }), ...problems(503) },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(rt.db.kysely);
      } catch (error) {
        rt.log.warn({ err: error }, 'health: database does not answer');
        return sendProblem(reply, problem(503, 'the database does not answer', { code: 'NOT_READY' }));
      }
      return { status: 'ok' as const };
    },
  );
}
