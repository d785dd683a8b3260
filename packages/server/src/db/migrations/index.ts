import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.ts';
import * as organisation from './002-organisation.ts';
import * as assignment from './003-assignment.ts';
import * as deletedDefinitions from './004-deleted-definitions.ts';
import * as templateCatalogue from './005-template-catalogue.ts';
import * as definitionsVersion from './006-definitions-version.ts';
import * as historySteps from './007-history-steps.ts';
import * as leanTaskIndexes from './008-lean-task-indexes.ts';
import * as taskListIndexes from './009-task-list-indexes.ts';
import * as templateLabels from './010-template-labels.ts';
import * as subscriptionsByInstance from './011-subscriptions-by-instance.ts';
import * as emailPreferences from './012-email-preferences.ts';
import * as notificationMessages from './013-notification-messages.ts';
import * as documents from './014-documents.ts';
import * as feed from './015-feed.ts';
import * as crm from './016-crm.ts';
import * as crmRobots from './017-crm-robots.ts';
import * as crmDealFields from './018-crm-deal-fields.ts';
import * as crmLeads from './019-crm-leads.ts';
import * as crmWebForms from './020-crm-web-forms.ts';
import * as crmProductsQuotes from './021-crm-products-quotes.ts';
import * as crmAccess from './022-crm-access.ts';
import * as crmActivities from './023-crm-activities.ts';
import * as crmMail from './024-crm-mail.ts';
import * as crmFields from './025-crm-fields.ts';
import * as userPhones from './026-user-phones.ts';
import * as quoteVat from './027-quote-vat.ts';
import * as robotWorkingTime from './028-robot-working-time.ts';
import * as crmTriggers from './029-crm-triggers.ts';
import * as lists from './030-lists.ts';
import * as drive from './031-drive.ts';
import * as robotMove from './032-robot-move.ts';
import * as uploads from './033-uploads.ts';
import * as eventWebhooks from './034-event-webhooks.ts';

/** Migrations in order; names are stored by Kysely's migrator, so never rename one. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-organisation': organisation,
  '003-assignment': assignment,
  '004-deleted-definitions': deletedDefinitions,
  '005-template-catalogue': templateCatalogue,
  '006-definitions-version': definitionsVersion,
  '007-history-steps': historySteps,
  '008-lean-task-indexes': leanTaskIndexes,
  '009-task-list-indexes': taskListIndexes,
  '010-template-labels': templateLabels,
  '011-subscriptions-by-instance': subscriptionsByInstance,
  '012-email-preferences': emailPreferences,
  '013-notification-messages': notificationMessages,
  '014-documents': documents,
  '015-feed': feed,
  '016-crm': crm,
  '017-crm-robots': crmRobots,
  '018-crm-deal-fields': crmDealFields,
  '019-crm-leads': crmLeads,
  '020-crm-web-forms': crmWebForms,
  '021-crm-products-quotes': crmProductsQuotes,
  '022-crm-access': crmAccess,
  '023-crm-activities': crmActivities,
  '024-crm-mail': crmMail,
  '025-crm-fields': crmFields,
  '026-user-phones': userPhones,
  '027-quote-vat': quoteVat,
  '028-robot-working-time': robotWorkingTime,
  '029-crm-triggers': crmTriggers,
  '030-lists': lists,
  '031-drive': drive,
  '032-robot-move': robotMove,
  '033-uploads': uploads,
  '034-event-webhooks': eventWebhooks,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
