import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_URL } from '../db/database.ts';
import { UsageError } from './usage-error.ts';

export interface ServerOptions {
  port: number;
  /** `sqlite:PATH` or `postgres://…` */
  databaseUrl: string;
}

/**
 * `--port N` (env PORT, default 3000) and `--database URL` (env BATON_DATABASE_URL, default
 * sqlite:./data/baton.db). `allow` says which of the two a command takes.
 */
export function parseServerOptions(command: string, args: string[], allow: { port: boolean }): ServerOptions {
  let values: { port?: string | undefined; database?: string | undefined };
  try {
    values = parseArgs({
      args,
      options: { database: { type: 'string' }, port: { type: 'string' } },
    }).values;
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!allow.port && values.port !== undefined) throw new UsageError(`${command}: unknown option --port`);
  const raw = values.port ?? process.env.PORT ?? '3000';
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`Invalid port: ${raw}`);
  const databaseUrl = values.database ?? process.env.BATON_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl))
    throw new UsageError(`${command}: --database must be sqlite:PATH or postgres://… (got "${databaseUrl}")`);
  return { port: Number(raw), databaseUrl };
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
