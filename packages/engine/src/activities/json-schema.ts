import { z } from 'zod';
import { BUILTIN_KIND_CONFIGS, type BuiltinKind } from '../model/kinds.ts';
import { activityOf } from './registry.ts';

export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a node type's config, generated from the same zod schema `compile` validates with,
 * so the designer's property forms and the engine cannot disagree. Defaults are included; cross-field
 * rules (e.g. "exactly one of duration, until, condition") stay with zod and `compile`.
 */
export function configJsonSchema(type: string): JsonSchema | null {
  const schema = Object.hasOwn(BUILTIN_KIND_CONFIGS, type)
    ? BUILTIN_KIND_CONFIGS[type as BuiltinKind]
    : activityOf(type)?.configSchema;
  return schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : null;
}
