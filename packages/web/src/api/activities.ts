import {
  registerActivity,
  type ServiceDescriptor,
  serviceActivity,
  serviceDescriptorSchema,
} from '@baton/engine';
import { useQuery } from '@tanstack/react-query';
import { call } from './client.ts';

/**
 * Puts the plugins' custom activities into the engine's registry, which compile, the config forms and the
 * palette read; answers the ones registered. A descriptor this build cannot read (a newer server) is left
 * out rather than keep the designer from opening.
 */
export function registerServiceActivities(items: readonly unknown[]): ServiceDescriptor[] {
  const registered: ServiceDescriptor[] = [];
  for (const item of items) {
    const parsed = serviceDescriptorSchema.safeParse(item);
    if (!parsed.success) continue;
    registerActivity(serviceActivity(parsed.data));
    registered.push(parsed.data);
  }
  return registered;
}

/**
 * The custom activities of the plugins the server loaded, registered in the engine as they arrive (each
 * fetch registers them again, so a changed plugin replaces its old form). Whatever compiles a template
 * that may use one waits for this first.
 */
export function useServiceActivities() {
  return useQuery({
    queryKey: ['plugins', 'activities'],
    queryFn: async ({ signal }) =>
      registerServiceActivities((await call('GET /api/v1/activities', { signal })).items),
    staleTime: 5 * 60_000,
  });
}
