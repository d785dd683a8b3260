import { nextSignal, parseServerOptions } from './options.ts';
import { announceAdminPassword, announceAdminToken, bootFromEnv, createLogger } from './process.ts';

/** `baton worker [--database URL]`: runs jobs (timers, outbox, called processes) without serving HTTP. */
export async function run(args: string[]): Promise<number> {
  const { databaseUrl } = parseServerOptions('worker', args, { port: false });
  const log = createLogger();
  // Listening before boot: a signal that arrives while starting still shuts down cleanly.
  const stop = nextSignal();
  const baton = await bootFromEnv(databaseUrl, log);
  if (!baton) return 1;
  // The first process on a new database generates the token, whichever kind it is.
  announceAdminToken(baton.newAdminToken);
  announceAdminPassword(baton.newAdminPassword);
  log.info({ database: baton.rt.db.description }, 'worker started');
  const signal = await stop;
  log.info({ signal }, 'shutting down after the jobs in flight');
  await baton.close();
  log.info('stopped');
  return 0;
}
