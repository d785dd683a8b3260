import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { UsageError } from './usage-error.ts';

export async function run(args: string[]): Promise<number> {
  const port = parsePort(args);
  const app = buildApp({ logger: true });
  await app.listen({ port, host: process.env.BATON_HOST ?? '0.0.0.0' });
  const signal = await nextSignal(['SIGINT', 'SIGTERM']);
  app.log.info(`${signal} received, shutting down`);
  await app.close();
  return 0;
}

function parsePort(args: string[]): number {
  let port: string | undefined;
  try {
    port = parseArgs({ args, options: { port: { type: 'string' } } }).values.port;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const raw = port ?? process.env.PORT ?? '3000';
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`Invalid port: ${raw}`);
  return Number(raw);
}

/** Listens only until the first signal, so a second Ctrl+C falls back to the default and kills a stuck shutdown. */
function nextSignal(signals: NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, onSignal);
      resolve(signal);
    };
    for (const s of signals) process.on(s, onSignal);
  });
}
