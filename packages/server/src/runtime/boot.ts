import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { ensureFirstAdministrator } from '../auth/bootstrap.ts';
import { type Db, migrate, openDatabase } from '../db/database.ts';
import { listenForUserEvents } from '../events/pg-listener.ts';
import { jobHandlers } from '../jobs/handlers/index.ts';
import { listenForJobs } from '../jobs/notify-channel.ts';
import { DEFAULT_JOB_RETENTION_DAYS, startPruning } from '../jobs/prune.ts';
import { DEFAULT_WORKER_OPTIONS, Worker, type WorkerOptions } from '../jobs/worker.ts';
import { type MailSettings, smtpServerOf } from '../mail/settings.ts';
import { Services } from '../plugins/registry.ts';
import { serviceHandler } from '../plugins/service-job.ts';
import { type SmsSettings, smsGatewayOf } from '../sms/settings.ts';
import type { Runtime } from './context.ts';
import { ensureAdminToken, secretKey, webhookSecret } from './settings.ts';
import { claimSqliteWorker } from './sqlite-lease.ts';
import { liveCalendar } from './step-context.ts';

export interface BootOptions {
  databaseUrl: string;
  /** Run a job worker in this process (the API-only process of a cluster runs none). */
  worker: boolean;
  adminToken?: string | undefined;
  /** The first administrator's password (BATON_ADMIN_PASSWORD), used only while there are no users. */
  adminPassword?: string | undefined;
  webhookSecret?: string | undefined;
  /** BATON_SECRET_KEY: what mailbox passwords are sealed with (else a key kept in the database). */
  secretKey?: string | undefined;
  /** Days a delivered or cancelled job is kept (default 30). */
  jobRetentionDays?: number | undefined;
  /** The SMTP server e-mail goes out through; none: e-mails wait in the outbox. */
  mail?: MailSettings | null;
  /** The HTTP gateway SMS go out through; none: SMS wait in the outbox. */
  sms?: SmsSettings | null;
  /** Plugins (each a module's default export and the file it came from): their custom activities. */
  plugins?: readonly { plugin: unknown; source: string }[];
  workerOptions?: Partial<WorkerOptions>;
  now?: () => number;
  log?: Logger;
}

export interface Baton {
  readonly rt: Runtime;
  /** Checks a bearer token against the bootstrap admin token. */
  readonly verifyAdminToken: (token: string) => boolean;
  /** The generated admin token on the very first start, to print once; null afterwards. */
  readonly newAdminToken: string | null;
  /** The generated password of the administrator `admin` on the very first start, to print once; else null. */
  readonly newAdminPassword: string | null;
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the runtime and (optionally) starts a worker. */
export async function boot(options: BootOptions): Promise<Baton> {
  const log = options.log ?? pino({ level: process.env.BATON_LOG_LEVEL ?? 'info' });
  // Before the database opens: a plugin that cannot be used stops the start with nothing done.
  const services = Services.of(options.plugins ?? []);
  const db: Db = openDatabase(options.databaseUrl);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ migrations: applied, database: db.description }, 'database migrated');
    const token = await ensureAdminToken(db.kysely, options.adminToken);
    const secret = await webhookSecret(db.kysely, options.webhookSecret);
    let worker: Worker | null = null;
    const rt: Runtime = {
      db,
      now: options.now ?? Date.now,
      calendar: liveCalendar(db),
      log,
      wake: () => worker?.wake(),
      mail: options.mail ?? null,
      sms: options.sms ?? null,
      secretKey: await secretKey(db.kysely, options.secretKey),
      webhookSecret: secret,
      services,
    };
    const firstAdmin = await ensureFirstAdministrator(rt, options.adminPassword);
    const custom = services.descriptors().map((d) => d.type);
    if (custom.length > 0) log.info({ activities: custom }, 'plugins loaded');
    // PostgreSQL: user events committed by any process reach this process's streams.
    const stopEvents =
      db.dialect === 'postgres'
        ? await listenForUserEvents(options.databaseUrl, db.events, (err) =>
            log.warn({ err }, 'user event listener'),
          )
        : null;
    let detach: (() => Promise<void>) | null = null;
    let stopPruning: (() => Promise<void>) | null = null;
    if (options.worker) {
      const id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
      if (options.mail) log.info({ smtp: smtpServerOf(options.mail) }, 'e-mail goes out through SMTP');
      else log.warn('e-mail is off (BATON_SMTP_URL is not set): e-mails wait in the outbox');
      if (options.sms) log.info({ gateway: smsGatewayOf(options.sms) }, 'SMS go out through an HTTP gateway');
      const handlers = [
        ...jobHandlers({ webhookSecret: secret, mail: options.mail ?? null, sms: options.sms ?? null }),
        serviceHandler(services),
      ];
      worker = new Worker(rt, handlers, {
        ...DEFAULT_WORKER_OPTIONS,
        ...options.workerOptions,
        id,
      });
      if (db.dialect === 'sqlite') detach = await claimSqliteWorker(db, rt.now);
      else
        detach = await listenForJobs(
          options.databaseUrl,
          () => worker?.wake(),
          (err) => log.warn({ err }, 'job listener'),
        );
      worker.start();
      stopPruning = startPruning(rt, options.jobRetentionDays ?? DEFAULT_JOB_RETENTION_DAYS);
    }
    return {
      rt,
      verifyAdminToken: token.verify,
      newAdminToken: token.printOnce,
      newAdminPassword: firstAdmin.printOnce,
      async close() {
        await worker?.stop();
        await stopPruning?.();
        await detach?.();
        await stopEvents?.();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
