import { Alert } from '@mantine/core';
import { ApiError } from '../api/client.ts';

/**
 * The messages of a refused request body for the fields a form shows, by path (`login`, `roles.0.role`
 * under `roles`); other errors have none.
 */
export function fieldErrorsOf(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    Object.entries(error.fieldErrors('body')).filter(([path]) =>
      fields.some((f) => path === f || path.startsWith(`${f}.`)),
    ),
  );
}

/**
 * The refusal's first message for each input of a form whose inputs do not mirror the body: `inputOf`
 * names the input of each path under `body`, so `{ 'rights.read': 'read' }` puts `rights.read.2` at `read`.
 */
export function inputErrorsOf<Input extends string>(
  error: unknown,
  inputOf: Readonly<Record<string, Input>>,
): Partial<Record<Input, string>> {
  const out: Partial<Record<Input, string>> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error, Object.keys(inputOf)))) {
    const at = Object.keys(inputOf).find((p) => path === p || path.startsWith(`${p}.`));
    const input = at === undefined ? undefined : inputOf[at];
    if (input) out[input] ??= message;
  }
  return out;
}

/** A refused request's message above the form when no field beside an input carries it (`shown`). */
export function FormProblem({ error, shown = {} }: { error: unknown; shown?: Record<string, string> }) {
  if (!error || Object.keys(shown).length > 0) return null;
  return (
    <Alert color="red" mb="sm" role="alert" className="wrap-anywhere">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
