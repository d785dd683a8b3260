import type { WorkCalendar } from '@baton/engine';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { MailSettings } from '../mail/settings.ts';
import type { Services } from '../plugins/registry.ts';
import type { SmsSettings } from '../sms/settings.ts';

/** What every service needs: the database, the clock, the calendar and a logger. Injected, so tests can fake time. */
export interface Runtime {
  readonly db: Db;
  readonly now: () => number;
  readonly calendar: WorkCalendar;
  readonly log: Logger;
  /** Called after a commit that enqueued jobs due now, so workers wake up. */
  readonly wake: () => void;
  /** E-mail is on: assigning a task also queues an e-mail to the person (mail/task-jobs.ts). */
  readonly mail?: MailSettings | null;
  /** SMS go out through this gateway (the outbox says so). */
  readonly sms?: SmsSettings | null;
  /** The key secrets in the database are sealed with (runtime/settings.ts `secretKey`); set by `boot`. */
  readonly secretKey?: Buffer;
  /** What webhooks are signed with (runtime/settings.ts `webhookSecret`); set by `boot`. */
  readonly webhookSecret?: string;
  /** The plugins' custom activities (`boot`'s `plugins`); none when absent. */
  readonly services?: Services;
}
