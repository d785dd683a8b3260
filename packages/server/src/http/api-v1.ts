import type { FastifyInstance } from 'fastify';
import { absenceRoutes } from '../absences/routes.ts';
import { rightsRoutes } from '../access/rights-routes.ts';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../auth/rate-limit.ts';
import { authRoutes } from '../auth/routes.ts';
import { DEFAULT_SESSION_TTL_MS } from '../auth/sessions.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { crmRoutes } from '../crm/routes.ts';
import { definitionRoutes } from '../definitions/routes.ts';
import { documentRoutes } from '../documents/routes.ts';
import { driveRoutes } from '../drive/routes.ts';
import { eventRoutes } from '../events/routes.ts';
import { feedRoutes } from '../feed/routes.ts';
import { instanceRoutes } from '../instances/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { libraryRoutes } from '../library/routes.ts';
import { listRoutes } from '../lists/routes.ts';
import { messageRoutes } from '../messages/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { orgRoutes } from '../org/routes.ts';
import { activityRoutes } from '../plugins/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import type { Runtime } from '../runtime/context.ts';
import { taskRoutes } from '../tasks/routes.ts';
import { itemFileRoutes } from '../uploads/item-routes.ts';
import { uploadRoutes } from '../uploads/routes.ts';
import { webhookRoutes } from '../webhooks/routes.ts';
import { authenticate, requireAccessConfig } from './auth.ts';

export interface ApiDeps {
  rt: Runtime;
  verifyAdminToken: (token: string) => boolean;
}

/** How sign-in behaves; every field has a default. */
export interface AuthSettings {
  /** Mark the session and CSRF cookies `Secure` (Baton is reached over HTTPS). Default false. */
  secureCookies: boolean;
  sessionTtlMs: number;
  loginLimits: LoginLimits;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  secureCookies: false,
  sessionTtlMs: DEFAULT_SESSION_TTL_MS,
  loginLimits: DEFAULT_LOGIN_LIMITS,
};

/**
 * `/api/v1`: one plugin per domain, every route declaring who may call it (`config.access`), checked
 * before the body is read (http/auth.ts). XML bodies (BPMN) and CSV (the organisation import) are read
 * as strings; JSON uses Fastify's parser (malformed → 400, over the body limit → 413, too deep → 400: http/json-body.ts).
 */
export async function apiV1(app: FastifyInstance, deps: ApiDeps, auth: AuthSettings): Promise<void> {
  app.decorateRequest('caller', null as never);
  app.decorateRequest('sessionId', null);
  app.addHook('onRoute', requireAccessConfig);
  app.addHook('onRequest', authenticate(deps.rt, deps.verifyAdminToken));
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const rt = deps.rt;
  await app.register(authRoutes, { rt, ...auth });
  await app.register(orgRoutes, { rt });
  await app.register(absenceRoutes, { rt });
  await app.register(calendarRoutes, { rt });
  await app.register(definitionRoutes, { rt });
  await app.register(activityRoutes, { rt });
  await app.register(rightsRoutes, { rt });
  await app.register(libraryRoutes, { rt });
  await app.register(instanceRoutes, { rt });
  await app.register(taskRoutes, { rt });
  await app.register(messageRoutes, { rt });
  await app.register(jobRoutes, { rt });
  await app.register(notificationRoutes, { rt });
  await app.register(eventRoutes, { rt });
  await app.register(reportRoutes, { rt });
  await app.register(documentRoutes, { rt });
  await app.register(feedRoutes, { rt });
  await app.register(crmRoutes, { rt });
  await app.register(listRoutes, { rt });
  await app.register(driveRoutes, { rt });
  await app.register(uploadRoutes, { rt });
  await app.register(itemFileRoutes, { rt });
  await app.register(webhookRoutes, { rt });
}
