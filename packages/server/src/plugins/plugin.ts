import { jsonPath, type ServiceDescriptor, serviceDescriptorSchema } from '@baton/engine';
import { z } from 'zod';

/** The longest a service may take: under the job lock (30 s by default), so no second worker runs it meanwhile. */
export const MAX_SERVICE_TIMEOUT_MS = 25_000;
export const DEFAULT_SERVICE_TIMEOUT_MS = 10_000;

/** What a service's code is told about the call it serves. */
export interface ServiceContext {
  readonly instanceId: string;
  readonly nodeId: string;
  /** The same on every attempt of this call: hand it to the system you call so a repeat is not acted on twice. */
  readonly idempotencyKey: string;
  /** 1 on the first attempt. */
  readonly attempt: number;
  /** Aborted when the call's time is up. */
  readonly signal: AbortSignal;
  /** Ends the call with a BPMN error (an error boundary with this code catches it; else the process fails). */
  fail(code: string, message: string): never;
  /**
   * A file the process holds — a `file` input's value (an id): given at its start or in a task, or held by
   * the deal it is about. Any other id ends the call for good, naming it.
   */
  file(id: string): Promise<{ name: string; contentType: string; content: Buffer }>;
}

/**
 * A custom activity of a plugin: its descriptor (what the designer shows and compile checks) and the code a
 * worker runs, at least once, when a process reaches it. Its answer's fields are the declared outputs; a
 * thrown error is retried with back-off (then the job is dead, shown in the outbox and retryable).
 */
export interface ServiceActivityDefinition extends z.input<typeof serviceDescriptorSchema> {
  timeoutMs?: number;
  run(input: Record<string, unknown>, context: ServiceContext): Promise<Record<string, unknown>>;
}

/** A plugin module's default export. */
export interface BatonPlugin {
  activities: ServiceActivityDefinition[];
}

/** Identity, for the types: `export default definePlugin({ activities: [...] })`. */
export const definePlugin = (plugin: BatonPlugin): BatonPlugin => plugin;

/** A service as the worker keeps it: the checked descriptor and its code. */
export interface Service {
  descriptor: ServiceDescriptor;
  timeoutMs: number;
  run: ServiceActivityDefinition['run'];
}

const serviceSchema = serviceDescriptorSchema.extend({
  timeoutMs: z.number().int().min(1).max(MAX_SERVICE_TIMEOUT_MS).default(DEFAULT_SERVICE_TIMEOUT_MS),
  run: z.custom<ServiceActivityDefinition['run']>(
    (v) => typeof v === 'function',
    'must be an async function',
  ),
});

export const pluginSchema = z.strictObject({ activities: z.array(serviceSchema).min(1) });

/** A plugin that cannot be used, naming where and what: `plugins/erp.ts: activities[0].type must be …`. */
export class PluginError extends Error {
  override name = 'PluginError';
}

/** The plugin's services, checked; a problem throws naming the plugin (`source`) and the path in it. */
export function servicesOf(plugin: unknown, source: string): Service[] {
  const parsed = pluginSchema.safeParse(plugin);
  if (!parsed.success)
    throw new PluginError(
      parsed.error.issues
        .map((i) => `${source}: ${i.path.length > 0 ? `${jsonPath(i.path)} ` : ''}${i.message}`)
        .join('; '),
    );
  return parsed.data.activities.map(({ timeoutMs, run, ...descriptor }) => ({ descriptor, timeoutMs, run }));
}
