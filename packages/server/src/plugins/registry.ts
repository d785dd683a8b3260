import { registerActivity, type ServiceDescriptor, serviceActivity } from '@baton/engine';
import { PluginError, type Service, servicesOf } from './plugin.ts';

/** The custom activities this process knows: the designer lists them, the worker runs them. */
export class Services {
  private constructor(private readonly byType: ReadonlyMap<string, Service>) {}

  static readonly none = new Services(new Map());

  /**
   * Checks each plugin, refuses a type two of them declare, and registers the activities with the engine so
   * compile knows them. `source` names the plugin in errors (its file).
   */
  static of(plugins: readonly { plugin: unknown; source: string }[]): Services {
    const byType = new Map<string, Service & { source: string }>();
    for (const { plugin, source } of plugins)
      for (const service of servicesOf(plugin, source)) {
        const type = service.descriptor.type;
        const earlier = byType.get(type);
        if (earlier)
          throw new PluginError(`${source}: the activity "${type}" is already declared by ${earlier.source}`);
        byType.set(type, { ...service, source });
      }
    for (const service of byType.values()) registerActivity(serviceActivity(service.descriptor));
    return new Services(byType);
  }

  get(type: string): Service | undefined {
    return this.byType.get(type);
  }

  descriptors(): ServiceDescriptor[] {
    return [...this.byType.values()].map((s) => s.descriptor);
  }
}
