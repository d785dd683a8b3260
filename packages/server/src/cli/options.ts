import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_URL } from '../db/database.ts';
import { UsageError } from './usage-error.ts';

export interface ServerOptions {
  /** `sqlite:PATH` or `postgres://…` */
  databaseUrl: string;
  /** Where `serve` listens; where `worker` answers `/health` (none unless asked). */
  port?: number;
}

/** The port option each command takes: the API's, the worker's health probe's, none. */
const PORT_FLAG = { serve: 'port', worker: 'health-port', migrate: null } as const;

/**
 * `--database URL` (env BATON_DATABASE_URL, default sqlite:./data/baton.db); `serve` takes `--port N`
 * (env PORT, default 3000), `worker` `--health-port N`.
 */
export function parseServerOptions(command: 'serve', args: string[]): Required<ServerOptions>;
export function parseServerOptions(command: 'worker' | 'migrate', args: string[]): ServerOptions;
export function parseServerOptions(command: keyof typeof PORT_FLAG, args: string[]): ServerOptions {
  let values: Partial<Record<'database' | 'port' | 'health-port', string>>;
  try {
    values = parseArgs({
      args,
      options: { database: { type: 'string' }, port: { type: 'string' }, 'health-port': { type: 'string' } },
    }).values;
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const flag = PORT_FLAG[command];
  for (const other of ['port', 'health-port'] as const)
    if (other !== flag && values[other] !== undefined)
      throw new UsageError(`${command}: unknown option --${other}`);
  const databaseUrl = values.database ?? process.env.BATON_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl))
    throw new UsageError(`${command}: --database must be sqlite:PATH or postgres://… (got "${databaseUrl}")`);
  const raw = flag === 'port' ? (values.port ?? process.env.PORT ?? '3000') : flag && values[flag];
  if (raw === undefined || raw === null) return { databaseUrl };
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`Invalid port: ${raw}`);
  return { databaseUrl, port: Number(raw) };
}

/** Resolves on the first of the signals; a second Ctrl+C then falls back to the default and kills a stuck shutdown. */
export function nextSignal(signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, onSignal);
      resolve(signal);
    };
    for (const s of signals) process.on(s, onSignal);
  });
}
