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

/** A refused request's message above the form when no field beside an input carries it (`shown`). */
export function FormProblem({ error, shown = {} }: { error: unknown; shown?: Record<string, string> }) {
  if (!error || Object.keys(shown).length > 0) return null;
  return (
    <Alert color="red" mb="sm" role="alert" className="wrap-anywhere">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
