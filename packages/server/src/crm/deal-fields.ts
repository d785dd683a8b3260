import { z } from 'zod';
import { DEAL_DOCUMENT_NAMES } from './deal-document.ts';

const builtIn = new Set<string>(DEAL_DOCUMENT_NAMES);

/** A field's name: what a process reads it as (`document.<name>`). */
export const fieldName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a letter or _, then letters, digits or _ (at most 64)');

/** One of a deal's own fields: a name a process can read as `document.<name>`. */
export const dealFieldName = fieldName.refine((name) => !builtIn.has(name), 'a built-in name of a deal');

export const dealFieldValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

/** A deal's own fields (name → string, number, boolean or null); replaced as a whole. */
export const dealFieldsSchema = z
  .record(dealFieldName, dealFieldValue)
  .refine((f) => Object.keys(f).length <= 100, 'at most 100 fields')
  .describe("The deal's own fields: name → string, number, boolean or null");
