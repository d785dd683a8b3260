import { z } from 'zod';

/** What moves a state-driven process (статусный) out of a `state` node along this flow. */
export const transitionTriggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('command'),
    command: z.string().min(1),
    label: z.string().optional(),
    /** CEL condition over `actor` (id, roles) deciding who may invoke the command; absent = anyone. */
    allowed: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('timer'),
    duration: z.string().min(1),
    workingTime: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('message'),
    message: z.string().min(1),
    correlationKey: z.string().optional(),
  }),
]);
export type TransitionTrigger = z.infer<typeof transitionTriggerSchema>;

export const pointSchema = z.strictObject({ x: z.number(), y: z.number() });

export const flowSchema = z.strictObject({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  name: z.string().optional(),
  /** CEL condition, for flows leaving exclusive and inclusive gateways (and conditional flows). */
  condition: z.string().optional(),
  /** The gateway's default flow: taken when no condition holds. */
  default: z.boolean().optional(),
  trigger: transitionTriggerSchema.optional(),
  waypoints: z.array(pointSchema).optional(),
});
export type Flow = z.infer<typeof flowSchema>;
