import { z } from 'zod';
import { defineActivity } from './plugin.ts';

/** A step that completes at once: a plain BPMN task, service, script or send task without Baton config. */
export const automatic = defineActivity({
  type: 'automatic',
  category: 'flow',
  configSchema: z.strictObject({}),
  expressions: () => [],
  start: () => 'complete',
});
