import { buildHealthApp } from '../app.ts';
import { nextSignal, parseServerOptions } from './options.ts';
import { announceAdminPassword, announceAdminToken, bootFromEnv, createLogger } from './process.ts';

/**
 * `baton worker [--database URL] [--health-port N]`: runs jobs (timers, outbox, called processes)
 * without serving the API. With `--health-port` it answers `GET /health` there, for an orchestrator's
 * probes; on a signal it stops answering first, then finishes the jobs in flight.
 */
export async function run(args: string[]): Promise<number> {
  const { databaseUrl, port } = parseServerOptions('worker', args);
  const log = createLogger();
  // Listening before boot: a signal that arrives while starting still shuts down cleanly.
  const stop = nextSignal();
  const baton = await bootFromEnv(databaseUrl, log);
  if (!baton) return 1;
  // The first process on a new database generates the token, whichever kind it is.
  announceAdminToken(baton.newAdminToken);
  announceAdminPassword(baton.newAdminPassword);
  const health = port === undefined ? null : buildHealthApp(baton.rt);
  try {
    await health?.listen({ port, host: process.env.BATON_HOST ?? '0.0.0.0' });
  } catch (error) {
    log.error({ err: error }, 'cannot listen');
    await baton.close();
    return 1;
  }
  log.info({ database: baton.rt.db.description, healthPort: port ?? null }, 'worker started');
  const signal = await stop;
  log.info({ signal }, 'shutting down after the jobs in flight');
  await health?.close();
  await baton.close();
  log.info('stopped');
  return 0;
}
