import { absenceStartedHandler } from '../../absences/started-job.ts';
import { activityDueHandler } from '../../crm/activities/activity-due.ts';
import { priceRequestHandler } from '../../crm/catalog/price-request.ts';
import { mailboxCheckHandler } from '../../crm/mail/check-job.ts';
import { emailSendHandler } from '../../crm/mail/send-job.ts';
import { sentCopyHandler } from '../../crm/mail/sent-copy.ts';
import { quoteEmailHandler } from '../../crm/quotes/quote-email.ts';
import { robotHandler } from '../../crm/robot-job.ts';
import { triggerHandler } from '../../crm/triggers/trigger-job.ts';
import { updateDocumentHandler } from '../../crm/update-document.ts';
import { feedHandler } from '../../feed/publish.ts';
import { addListRecordHandler, recordProcessHandler } from '../../lists/record-jobs.ts';
import type { MailSettings } from '../../mail/settings.ts';
import type { SmsSettings } from '../../sms/settings.ts';
import { smsHandler } from '../../sms/sms-job.ts';
import { eventWebhookHandler } from '../../webhooks/delivery.ts';
import type { JobHandler } from '../handler.ts';
import { callCompletedHandler } from './call-completed.ts';
import { documentHandler } from './document.ts';
import { emailHandler } from './email.ts';
import { logHandler } from './log.ts';
import { notifyHandler } from './notify.ts';
import { startProcessHandler } from './start-process.ts';
import { taskEmailHandler } from './task-email.ts';
import { timerHandler } from './timer.ts';
import { webhookHandler } from './webhook.ts';

/**
 * Every job kind this server performs. E-mail goes out when an SMTP server is set (`mail`), SMS when a
 * gateway is (`sms`); without one their jobs stay pending in the outbox, visible through the API, never
 * dropped.
 */
export function jobHandlers(config: {
  webhookSecret: string;
  mail?: MailSettings | null;
  sms?: SmsSettings | null;
}): JobHandler[] {
  return [
    ...(config.sms ? [smsHandler(config.sms)] : []),
    ...(config.mail
      ? [emailHandler(config.mail), taskEmailHandler(config.mail), quoteEmailHandler(config.mail)]
      : []),
    timerHandler,
    callCompletedHandler,
    startProcessHandler,
    notifyHandler(config.mail ?? null),
    logHandler,
    documentHandler,
    feedHandler,
    addListRecordHandler,
    recordProcessHandler,
    updateDocumentHandler,
    robotHandler,
    triggerHandler,
    priceRequestHandler,
    activityDueHandler,
    mailboxCheckHandler,
    emailSendHandler(config.mail ?? null),
    sentCopyHandler,
    webhookHandler(config.webhookSecret),
    eventWebhookHandler(config.webhookSecret),
    absenceStartedHandler,
  ];
}
