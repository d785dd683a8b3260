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
    usage: 'serve [--port N]',
    summary: 'start the web server (env PORT, default 3000; BATON_HOST, default 0.0.0.0)',
    load: () => import('./serve.ts'),
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
