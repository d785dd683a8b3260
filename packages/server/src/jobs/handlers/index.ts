import { absenceStartedHandler } from '../../absences/started-job.ts';
import type { JobHandler } from '../handler.ts';
import { callCompletedHandler } from './call-completed.ts';
import { logHandler } from './log.ts';
import { notifyHandler } from './notify.ts';
import { startProcessHandler } from './start-process.ts';
import { timerHandler } from './timer.ts';
import { webhookHandler } from './webhook.ts';

/**
 * Every job kind this server performs. E-mail, SMS, documents, feed posts and document updates have no
 * handler yet: their jobs stay pending in the outbox, visible through the API, never dropped.
 */
export function jobHandlers(config: { webhookSecret: string }): JobHandler[] {
  return [
    timerHandler,
    callCompletedHandler,
    startProcessHandler,
    notifyHandler,
    logHandler,
    webhookHandler(config.webhookSecret),
    absenceStartedHandler,
  ];
}
