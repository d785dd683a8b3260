import { z } from 'zod';
import { constantSchema, fieldSchema } from './fields.ts';
import { flowSchema } from './flow.ts';
import { TEMPLATE_ICONS } from './icons.ts';
import { nodeSchema } from './node.ts';

export const laneSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  nodeIds: z.array(z.string()),
});

/**
 * A process definition (template): the graph plus its data declarations. Stored and exchanged as JSON;
 * BPMN 2.0 XML converts to and from it.
 */
/**
 * A definition's key, which API paths carry (`/definitions/{key}`): letters, digits, ".", "_" and "-",
 * at most 100 characters — the longest path segment the server routes.
 */
export const MAX_KEY_LENGTH = 100;
export const definitionKeySchema = z
  .string()
  .min(1)
  .max(MAX_KEY_LENGTH, `must be at most ${MAX_KEY_LENGTH} characters`)
  .regex(/^[A-Za-z0-9_.-]+$/, 'must contain only letters, digits, ".", "_" and "-"');

/** How many labels a template may carry. */
export const MAX_LABELS = 10;

/** A template's label: a short name without spaces at either end. */
export const labelSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^(\S(.*\S)?)?$/s, 'must not start or end with a space');

export const definitionSchema = z.strictObject({
  key: definitionKeySchema,
  version: z.number().int().positive().default(1),
  name: z.string().min(1),
  description: z.string().optional(),
  /** Place in the catalogue of processes: lower first; templates without one follow, by name. */
  sort: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(-1_000_000, 'must be between -1000000 and 1000000')
    .max(1_000_000, 'must be between -1000000 and 1000000')
    .optional(),
  /** Labels that group templates in the catalogue ("HR", "Finance"); at most 10, each named once. */
  labels: z
    .array(labelSchema)
    .max(MAX_LABELS, `at most ${MAX_LABELS} labels`)
    .superRefine((labels, ctx) => {
      const seen = new Set<string>();
      labels.forEach((label, i) => {
        const folded = label.toLocaleLowerCase();
        if (seen.has(folded))
          ctx.addIssue({ code: 'custom', path: [i], message: `"${label}" is there twice` });
        seen.add(folded);
      });
    })
    .optional(),
  /** The catalogue's picture for the template, one of `TEMPLATE_ICONS`. */
  icon: z.enum(TEMPLATE_ICONS, { error: `must be one of: ${TEMPLATE_ICONS.join(', ')}` }).optional(),
  /** The CRM document kind this process is attached to (deal, lead, …); absent for standalone processes. */
  documentType: z.string().optional(),
  parameters: z.array(fieldSchema).default([]),
  variables: z.array(fieldSchema).default([]),
  constants: z.array(constantSchema).default([]),
  nodes: z.array(nodeSchema),
  flows: z.array(flowSchema).default([]),
  lanes: z.array(laneSchema).optional(),
  /** How the runtime treats this process's open tasks (the engine itself does not read these). */
  options: z
    .strictObject({
      /**
       * When an assignee's absence starts while their task is open: `move` hands it on as a new task
       * would go (deputy, else head), `wait` leaves it with them. Default `move`.
       */
      onAbsence: z.enum(['move', 'wait']).optional(),
    })
    .optional(),
  /** BPMN elements Baton keeps but does not execute (pools, message flows, annotations, …), owned by bpmn/. */
  bpmn: z.record(z.string(), z.unknown()).optional(),
});
export type Definition = z.infer<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
