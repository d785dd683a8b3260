/**
 * The `baton` commands. To add one, write `src/cli/<name>.ts` exporting `run` (a
 * {@link CommandModule}) and register it below. Imports stay lazy so that a command loads only
 * its own dependencies.
 */
export interface CommandModule {
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  /** Synopsis shown in the usage text, e.g. `serve [--port N]`. */
  usage: string;
  summary: string;
  load(): Promise<CommandModule>;
}

export const commands: Record<string, CommandEntry> = {
  serve: {
    usage: 'serve [--port N] [--database URL]',
    summary:
      'API, web app and worker (env PORT 3000, BATON_DATABASE_URL sqlite:./data/baton.db, BATON_ADMIN_TOKEN)',
    load: () => import('./serve.ts'),
  },
  worker: {
    usage: 'worker [--database URL] [--health-port N]',
    summary: 'run jobs only: timers, outbox, called processes (no API; GET /health on --health-port)',
    load: () => import('./worker.ts'),
  },
  migrate: {
    usage: 'migrate [--database URL]',
    summary: 'bring the database schema up to date and exit',
    load: () => import('./migrate.ts'),
  },
  run: {
    usage: 'run FILE [options]',
    summary:
      'run a .bpmn/.json process to its end on a virtual clock (--params JSON, --answers FILE, --json)',
    load: () => import('./run.ts'),
  },
  convert: {
    usage: 'convert IN OUT',
    summary: 'convert a process between .bpmn and .json (validating it)',
    load: () => import('./convert.ts'),
  },
};
