import { type CompiledExpression, createExpressionEnvironment } from '@baton/engine';
import { Unprocessable } from '../runtime/errors.ts';

/**
 * A robot's notice is a `{{ }}` template, run sandboxed like a process's: `deal` is the deal as a process
 * reads it (`deal.title`, `deal.company`, `deal.amount`, its own fields…), `responsible` its manager
 * (`responsible.name`).
 */
const environment = createExpressionEnvironment([
  { name: 'deal', type: 'map' },
  { name: 'responsible', type: 'map' },
]);

/** The compiled template; 422 at `path` naming what does not parse. */
export function robotMessage(source: string, path = 'body.message'): CompiledExpression {
  const compiled = environment.compile(source, 'template');
  if (!compiled.ok || compiled.problem)
    throw new Unprocessable(
      `${path}: ${(compiled.problem as { message: string }).message}`,
      [{ path, message: (compiled.problem as { message: string }).message }],
      'INVALID_ROBOT',
    );
  return compiled.expression;
}
