import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

/** The request parts whose every field a route declares (headers carry many a route never reads). */
const STRICT_PARTS = new Set(['body', 'querystring']);

/**
 * Zod's validation, refusing fields the schema does not declare. Zod's objects drop such keys, so a
 * misspelt field (`"pasword"`) or one a route does not take (a PATCH of a user's `password`) would be
 * answered 200 and silently ignored. A key of the request that the parsed value lacks is one no
 * schema took: 400 with its path, like any other invalid field.
 */
export const strictValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (!STRICT_PARTS.has(route.httpPart ?? '')) return validate;
  return (data) => {
    const result = validate(data) as { value?: unknown; error?: Error | FastifySchemaValidationError[] };
    if (result.error !== undefined) return result;
    const unknown = droppedKeys(data, result.value);
    if (unknown.length === 0) return result;
    return { error: unknown.map(unknownField) };
  };
};

/** In the shape Fastify gives `error.validation` (problem.ts turns it into the problem's `errors`). */
const unknownField = (path: string[]): FastifySchemaValidationError => ({
  keyword: 'unrecognized_keys',
  instancePath: `/${path.join('/')}`,
  schemaPath: '#',
  params: { key: path.at(-1) },
  message: 'unknown field',
});

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Paths of the keys in `input` that `parsed` (zod's output for it) no longer has. A value zod passed
 * through as it was (free-form: parameters, variables, a definition's JSON) has lost nothing and is
 * not walked.
 */
function droppedKeys(
  input: unknown,
  parsed: unknown,
  path: string[] = [],
  found: string[][] = [],
): string[][] {
  if (input === parsed) return found;
  if (Array.isArray(input) && Array.isArray(parsed)) {
    for (const [i, item] of input.entries()) droppedKeys(item, parsed[i], [...path, String(i)], found);
  } else if (isRecord(input) && isRecord(parsed)) {
    for (const [key, value] of Object.entries(input)) {
      if (key in parsed) droppedKeys(value, parsed[key], [...path, key], found);
      else if (value !== undefined) found.push([...path, key]);
    }
  }
  return found;
}
