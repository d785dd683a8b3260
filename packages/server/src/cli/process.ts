import pino, { type Logger } from 'pino';
import { mailSettingsFromEnv } from '../mail/settings.ts';
import { loadPlugins, pluginPathsFromEnv } from '../plugins/load.ts';
import { type Baton, boot } from '../runtime/boot.ts';
import { smsSettingsFromEnv } from '../sms/settings.ts';

/**
 * The one pino logger of a server process (Fastify logs through it too): JSON lines on stdout, level
 * from BATON_LOG_LEVEL. Credentials are redacted should anything ever try to log them.
 */
export function createLogger(): Logger {
  return pino({
    level: process.env.BATON_LOG_LEVEL ?? 'info',
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'authorization',
        'token',
        'adminToken',
        'password',
      ],
      censor: '[redacted]',
    },
  });
}

/** The generated admin token, printed once (it is stored only as a hash) — plain text, not a log line. */
export function announceAdminToken(token: string | null): void {
  if (token === null) return;
  process.stdout.write(
    [
      '',
      '  Baton generated an admin token. It is shown only this once; keep it somewhere safe:',
      '',
      `    ${token}`,
      '',
      '  Send it as "Authorization: Bearer <token>". Set BATON_ADMIN_TOKEN to choose your own.',
      '',
      '',
    ].join('\n'),
  );
}

/** The generated password of the first administrator (`admin`), printed once — it is stored only as a hash. */
export function announceAdminPassword(password: string | null): void {
  if (password === null) return;
  process.stdout.write(
    [
      '',
      '  Baton created the administrator "admin". Its password is shown only this once:',
      '',
      `    ${password}`,
      '',
      '  Sign in with POST /api/v1/auth/login. Set BATON_ADMIN_PASSWORD before the first start to choose it.',
      '',
      '',
    ].join('\n'),
  );
}

/**
 * Boots (with a worker unless `worker` is false), tokens, e-mail and the job lock from the environment; logs why
 * and answers null when it cannot start. `BATON_JOB_LOCK_MS`: how long a claimed job stays locked, i.e. how
 * soon another worker takes over the jobs of one that died (default 30 s).
 */
export async function bootFromEnv(databaseUrl: string, log: Logger, worker = true): Promise<Baton | null> {
  const lockMs = Number(process.env.BATON_JOB_LOCK_MS);
  try {
    return await boot({
      databaseUrl,
      worker,
      adminToken: process.env.BATON_ADMIN_TOKEN || undefined,
      adminPassword: process.env.BATON_ADMIN_PASSWORD || undefined,
      webhookSecret: process.env.BATON_WEBHOOK_SECRET || undefined,
      secretKey: process.env.BATON_SECRET_KEY || undefined,
      mail: mailSettingsFromEnv(process.env),
      sms: smsSettingsFromEnv(process.env),
      plugins: await loadPlugins(pluginPathsFromEnv(process.env.BATON_PLUGINS)),
      jobRetentionDays: retentionDaysFromEnv(process.env.BATON_JOB_RETENTION_DAYS),
      workerOptions: Number.isInteger(lockMs) && lockMs > 0 ? { lockMs } : {},
      log,
    });
  } catch (error) {
    log.fatal({ err: error }, 'cannot start');
    return null;
  }
}

/** `BATON_JOB_RETENTION_DAYS`: a whole number of days ≥ 1, or unset for the default. */
function retentionDaysFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`BATON_JOB_RETENTION_DAYS must be a whole number of days, 1 or more (got "${value}")`);
  return days;
}
