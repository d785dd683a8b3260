import { z } from 'zod';

const timerConfig = z
  .strictObject({
    /** ISO 8601 duration from when the timer starts, e.g. "P3D", "PT4H". */
    duration: z.string().optional(),
    /** CEL expression giving an ISO date-time. */
    date: z.string().optional(),
    /** ISO 8601 repeating interval "R3/PT1H" (boundary timers only; "R/PT1H" repeats until the activity ends). */
    cycle: z.string().optional(),
    /** Count `duration` in working time of the context's calendar. */
    workingTime: z.boolean().optional(),
  })
  .refine((c) => [c.duration, c.date, c.cycle].filter((v) => v !== undefined).length === 1, {
    message: 'a timer needs exactly one of duration, date, cycle',
  });

const messageConfig = z.strictObject({
  message: z.string().min(1),
  /** CEL expression evaluated on entry; only messages with this correlation key match. */
  correlationKey: z.string().optional(),
});

const boundary = { interrupting: z.boolean().default(true) };
const empty = z.strictObject({});

/**
 * The engine's own node kinds and their config schemas. Activities (user task, e-mail, …) are plugins
 * registered in activities/; a node's `type` is one of these or an activity type id.
 */
export const BUILTIN_KIND_CONFIGS = {
  start: empty,
  end: empty,
  terminate: empty,
  errorEnd: z.strictObject({ errorCode: z.string().min(1), message: z.string().optional() }),
  timer: timerConfig,
  message: messageConfig,
  timerBoundary: z.intersection(timerConfig, z.strictObject(boundary).partial()),
  messageBoundary: messageConfig.extend(boundary),
  /** Catches errors thrown inside the activity it is attached to; no `errorCode` catches every error. */
  errorBoundary: z.strictObject({ errorCode: z.string().optional() }),
  exclusive: empty,
  parallel: empty,
  inclusive: empty,
  eventBased: empty,
  subProcess: empty,
  callActivity: z.strictObject({
    definitionKey: z.string().min(1),
    /** Wait for the called process to end (its output variables are merged back). */
    wait: z.boolean().default(true),
    /** Child parameter name → CEL expression over this process's variables. */
    params: z.record(z.string(), z.string()).default({}),
  }),
  /** A state of a state-driven process: entry actions run on entering; flows with triggers leave it. */
  state: z.strictObject({
    entry: z
      .array(
        z.strictObject({ type: z.string().min(1), config: z.record(z.string(), z.unknown()).default({}) }),
      )
      .default([]),
  }),
} as const;

export type BuiltinKind = keyof typeof BUILTIN_KIND_CONFIGS;
export const BUILTIN_KINDS = Object.keys(BUILTIN_KIND_CONFIGS) as BuiltinKind[];

export const BOUNDARY_KINDS = ['timerBoundary', 'messageBoundary', 'errorBoundary'] as const;
export const GATEWAY_KINDS = ['exclusive', 'parallel', 'inclusive', 'eventBased'] as const;
