import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Runtime } from '../runtime/context.ts';
import { directoryRoutes } from './directory-routes.ts';
import { importRoutes } from './import-routes.ts';
import { structureRoutes } from './structure-routes.ts';
import { userRoutes } from './user-routes.ts';

/** The organisation: users, departments, roles, groups, the CSV import and the directory snapshot. */
export const orgRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  await app.register(userRoutes, { rt });
  await app.register(structureRoutes, { rt });
  await app.register(importRoutes, { rt });
  await app.register(directoryRoutes, { rt });
};
