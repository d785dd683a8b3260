import { buildApp } from '../app.ts';
import { nextSignal, parseServerOptions } from './options.ts';
import { announceAdminPassword, announceAdminToken, bootFromEnv, createLogger } from './process.ts';

/**
 * `baton serve [--port N] [--database URL]`: API, web app and a job worker in one process. On SIGINT or
 * SIGTERM it stops accepting connections, lets requests in flight finish, then stops the worker after
 * the jobs it is running.
 */
export async function run(args: string[]): Promise<number> {
  const { port, databaseUrl } = parseServerOptions('serve', args);
  const log = createLogger();
  // Listening before boot: a signal that arrives while starting still shuts down cleanly.
  const stop = nextSignal();
  // BATON_WORKER=0: the API process of a cluster whose jobs run in `baton worker` processes.
  const baton = await bootFromEnv(databaseUrl, log, process.env.BATON_WORKER !== '0');
  if (!baton) return 1;
  announceAdminToken(baton.newAdminToken);
  announceAdminPassword(baton.newAdminPassword);
  const app = buildApp({
    baton,
    auth: { secureCookies: isOn(process.env.BATON_SECURE_COOKIES) },
    trustProxy: trustProxyFromEnv(process.env.BATON_TRUST_PROXY),
  });
  try {
    await app.listen({ port, host: process.env.BATON_HOST ?? '0.0.0.0' });
  } catch (error) {
    log.error({ err: error }, 'cannot listen');
    await baton.close();
    return 1;
  }
  const signal = await stop;
  log.info({ signal }, 'shutting down');
  await app.close();
  await baton.close();
  log.info('stopped');
  return 0;
}

const isOn = (value: string | undefined) => value === '1' || value === 'true';

/** `BATON_TRUST_PROXY`: `true`/`1` trusts any proxy, anything else is the proxies' addresses (comma-separated). */
function trustProxyFromEnv(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  return isOn(value) ? true : value;
}
