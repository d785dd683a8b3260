/**
 * @baton/engine — the process model, validation, interpreter, activities, expressions and BPMN I/O.
 * Pure: no I/O, no clock, no Node built-ins; it runs in the server and in the browser alike.
 */

export { configJsonSchema, type JsonSchema } from './activities/json-schema.ts';
export * from './activities/plugin.ts';
export { ACTIVITIES, registerActivity } from './activities/registry.ts';
export {
  SERVICE_TYPE,
  type ServiceDescriptor,
  type ServiceResult,
  serviceActivity,
  serviceDescriptorSchema,
} from './activities/service.ts';
export * from './bpmn/index.ts';
export { type CompileOptions, compile } from './compile/compile.ts';
export type { CompiledDefinition, CompiledNode, CompileOutcome } from './compile/compiled.ts';
export { formatProblem, jsonPath, type Problem, type ProblemCode } from './compile/problem.ts';
export * from './expressions/index.ts';
export * from './model/index.ts';
export * from './org/directory.ts';
export * from './org/snapshot-json.ts';
export * from './runtime/context.ts';
export * from './runtime/directory.ts';
export * from './runtime/effects.ts';
export * from './runtime/errors.ts';
export type * from './runtime/events.ts';
export * from './runtime/history.ts';
export { type ValueProblem, validateValues } from './runtime/params.ts';
export * from './runtime/progress.ts';
export * from './runtime/state.ts';
export { stateJson } from './runtime/state-json.ts';
export { step } from './runtime/step.ts';
export * from './simulate/index.ts';
