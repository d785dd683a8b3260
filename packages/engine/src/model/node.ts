import { z } from 'zod';

/** Diagram position of a node (BPMNDI bounds); the engine ignores it, the designer and BPMN export use it. */
export const boundsSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().optional(),
  height: z.number().optional(),
});
export type Bounds = z.infer<typeof boundsSchema>;

/** Runs the node once per item of a collection or `cardinality` times, in parallel or one after another. */
export const multiInstanceSchema = z.strictObject({
  sequential: z.boolean().default(false),
  /** CEL expression giving a number of instances. */
  cardinality: z.string().optional(),
  /** CEL expression giving a list; each instance sees its item as `elementVariable`. */
  collection: z.string().optional(),
  elementVariable: z.string().optional(),
  /** CEL condition checked after each instance completes; true ends the activity early. */
  completionCondition: z.string().optional(),
});
export type MultiInstance = z.infer<typeof multiInstanceSchema>;

/**
 * A node of the process graph. `type` is a built-in kind (events, gateways, containers, states) or an
 * activity type id; its `config` is validated by `compile` against that kind's schema, so errors can
 * name the node.
 */
export const nodeSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  name: z.string().optional(),
  description: z.string().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  /** Id of the enclosing sub-process; absent for top-level nodes. */
  parent: z.string().optional(),
  /** For boundary events: the id of the activity they are attached to. */
  attachedTo: z.string().optional(),
  multiInstance: multiInstanceSchema.optional(),
  /** Role (BPMN lane name) that performs this node's people tasks unless the task names assignees. */
  role: z.string().optional(),
  position: boundsSchema.optional(),
});
export type ProcessNode = z.infer<typeof nodeSchema>;
