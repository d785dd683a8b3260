import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PluginError } from './plugin.ts';
import { Services } from './registry.ts';

/** `BATON_PLUGINS`: the plugin files, comma-separated, relative to the working directory. */
export function pluginPathsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '');
}

/**
 * Imports each plugin file (TypeScript or JavaScript: `baton` runs through tsx) and answers its default
 * export, checked later by `servicesOf`. A file that is missing or does not load stops the start, named.
 */
export async function loadPlugins(paths: readonly string[]): Promise<{ plugin: unknown; source: string }[]> {
  const loaded = [];
  for (const path of paths) {
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
    } catch (error) {
      throw new PluginError(
        `${path}: cannot be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (module.default === undefined) throw new PluginError(`${path}: has no default export (the plugin)`);
    loaded.push({ plugin: module.default, source: path });
  }
  return loaded;
}

/** The plugins `BATON_PLUGINS` names, loaded, checked and registered with the engine. */
export async function servicesFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Services> {
  return Services.of(await loadPlugins(pluginPathsFromEnv(env.BATON_PLUGINS)));
}
