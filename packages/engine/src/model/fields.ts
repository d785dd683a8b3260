import { z } from 'zod';

/** The data types a parameter, variable, constant or task field may have. */
export const FIELD_TYPES = [
  'string',
  'text',
  'number',
  'money',
  'boolean',
  'date',
  'datetime',
  'select',
  'multiselect',
  'user',
  'users',
  'department',
  'file',
  'documentLink',
  /** Any JSON value; what BPMN imports declare for variables their conditions use but never declare. */
  'json',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const identifier = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'must be an identifier: letters, digits and _, not starting with a digit',
  );

export const optionSchema = z.strictObject({ value: z.string(), label: z.string().optional() });

export const fieldSchema = z.strictObject({
  id: identifier,
  name: z.string().optional(),
  type: z.enum(FIELD_TYPES),
  description: z.string().optional(),
  required: z.boolean().optional(),
  options: z.array(optionSchema).optional(),
  default: z.unknown().optional(),
});
export type Field = z.infer<typeof fieldSchema>;

export const constantSchema = fieldSchema.extend({ value: z.unknown() });
export type Constant = z.infer<typeof constantSchema>;

export { identifier };
