import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Runtime } from '../runtime/context.ts';
import { accessRoutes } from './access-routes.ts';
import { activityRoutes } from './activities/activity-routes.ts';
import { catalogRoutes } from './catalog/catalog-routes.ts';
import { dealRoutes } from './deal-routes.ts';
import { fieldRoutes } from './field-routes.ts';
import { crmImportRoutes } from './import-routes.ts';
import { leadRoutes } from './lead-routes.ts';
import { emailRoutes } from './mail/email-routes.ts';
import { mailboxRoutes } from './mail/mailbox-routes.ts';
import { partyRoutes } from './party-routes.ts';
import { pipelineRoutes } from './pipeline-routes.ts';
import { quoteRoutes } from './quotes/quote-routes.ts';
import { salesReportRoutes } from './reports/sales-report-routes.ts';
import { robotRoutes } from './robot-routes.ts';
import { triggerRoutes } from './triggers/trigger-routes.ts';
import { webFormRoutes } from './web-form-routes.ts';

/** The CRM's API: pipelines, deals and their fields, leads, contacts, companies, robots, triggers, import, web forms, products, price lists, quotes, access by role, the sales report, activities, and mailboxes with their letters (API.md, "CRM"). */
export const crmRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  await app.register(pipelineRoutes, { rt });
  await app.register(dealRoutes, { rt });
  await app.register(leadRoutes, { rt });
  await app.register(partyRoutes, { rt });
  await app.register(robotRoutes, { rt });
  await app.register(triggerRoutes, { rt });
  await app.register(fieldRoutes, { rt });
  await app.register(crmImportRoutes, { rt });
  await app.register(webFormRoutes, { rt });
  await app.register(catalogRoutes, { rt });
  await app.register(quoteRoutes, { rt });
  await app.register(accessRoutes, { rt });
  await app.register(salesReportRoutes, { rt });
  await app.register(activityRoutes, { rt });
  await app.register(mailboxRoutes, { rt });
  await app.register(emailRoutes, { rt });
};
