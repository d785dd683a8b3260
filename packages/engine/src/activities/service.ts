import { z } from 'zod';
import { type Field, fieldSchema, identifier } from '../model/fields.ts';
import { SERVICE_COMPLETED_MESSAGE } from '../runtime/effects.ts';
import { ProcessFailure } from '../runtime/errors.ts';
import { validateValues } from '../runtime/params.ts';
import { type ActivityCategory, type ActivityPlugin, defineActivity, recordExpressions } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/** `vendor.name`: the dot keeps a company's activities apart from Baton's own, now and in later versions. */
export const SERVICE_TYPE = /^[a-z][a-z0-9-]{0,39}\.[A-Za-z][A-Za-z0-9]{0,59}$/;

const CATEGORIES = [
  'people',
  'messages',
  'documents',
  'crm',
  'data',
  'flow',
] as const satisfies ActivityCategory[];

/** A name or description in English, and in Russian when the plugin gives one. */
const wording = (max: number) =>
  z.strictObject({ en: z.string().trim().min(1).max(max), ru: z.string().trim().min(1).max(max).optional() });

const fields = z
  .array(fieldSchema)
  .max(100)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((f, i) => {
      if (seen.has(f.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${f.id}" is declared twice` });
      seen.add(f.id);
    });
  });

/**
 * What a custom activity that calls a company's own code (a plugin's `run`, on a worker) says about
 * itself: plain data, so the server sends it to the designer and both build the same activity from it.
 */
export const serviceDescriptorSchema = z.strictObject({
  type: z.string().regex(SERVICE_TYPE, 'must be "vendor.name", e.g. "acme.createInvoice"'),
  name: wording(100),
  description: wording(1000).optional(),
  category: z.enum(CATEGORIES).default('data'),
  /** What the process hands the code; each input is a CEL expression in the node's config. */
  inputs: fields,
  /** What the code answers; the node's config says which variable each goes into. */
  outputs: fields,
});
export type ServiceDescriptor = z.output<typeof serviceDescriptorSchema>;

/** What `runService` answers the waiting node: the outputs, or a BPMN error an error boundary can catch. */
export type ServiceResult =
  | { output: Record<string, unknown> }
  | { error: { code: string; message: string } };

/** The node's config, built from the descriptor so compile and the designer's form name each input. */
function configSchemaOf(d: ServiceDescriptor) {
  const expression = (f: Field) => {
    const source = z
      .string()
      .trim()
      .min(1, 'must be a CEL expression')
      .meta({ title: f.name ?? f.id });
    return f.required && f.default === undefined ? source : source.optional();
  };
  const variable = (f: Field) => identifier.meta({ title: f.name ?? f.id }).optional();
  return z.strictObject({
    // prefault: a node with no `input` at all is checked like an empty one, so a required input is named.
    input: z.strictObject(Object.fromEntries(d.inputs.map((f) => [f.id, expression(f)]))).prefault({}),
    output: z.strictObject(Object.fromEntries(d.outputs.map((f) => [f.id, variable(f)]))).prefault({}),
  });
}

/**
 * The activity of a descriptor: evaluates its inputs, checks them against their declared types, asks the
 * runtime to run the service (`runService`, at least once, keyed) and waits for its answer, which sets the
 * chosen variables or throws the service's BPMN error.
 */
export function serviceActivity(d: ServiceDescriptor): ActivityPlugin<unknown> {
  const configSchema = configSchemaOf(d);
  const plugin = defineActivity({
    type: d.type,
    category: d.category,
    waits: true,
    configSchema,
    expressions: (c) => recordExpressions('input', c.input as Record<string, string>),
    start(ctx) {
      const given = evaluateRecord(ctx, ctx.config.input as Record<string, string>);
      const { values, problems } = validateValues(d.inputs, given, { prefix: 'input', partial: false });
      if (problems.length > 0)
        throw new ProcessFailure(
          'BAD_INPUT',
          `${d.type}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
          ctx.node.node.id,
        );
      const key = ctx.effect({ type: 'runService', service: d.type, input: values });
      ctx.subscribe(SERVICE_COMPLETED_MESSAGE, key);
      return 'wait';
    },
    resume(ctx, why) {
      if (why.kind !== 'message') return 'complete';
      const result = why.payload as ServiceResult;
      if ('error' in result) {
        ctx.throwError(result.error.code, result.error.message);
        return 'complete';
      }
      const chosen = ctx.config.output as Record<string, string | undefined>;
      const values: Record<string, unknown> = {};
      for (const [field, variable] of Object.entries(chosen))
        if (variable) values[variable] = result.output[field] ?? null;
      ctx.setVariables(values);
      return 'complete';
    },
  });
  return plugin as unknown as ActivityPlugin<unknown>;
}
