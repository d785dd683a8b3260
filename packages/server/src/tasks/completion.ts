import { type Field, type ValueProblem, validateValues } from '@baton/engine';

/** Outcomes that refuse the task instead of answering it: its fields need not be filled. */
const REFUSALS = new Set(['rejected', 'reject']);

/**
 * What a completion must carry beyond well-typed values: an information request or a form must fill
 * every required field of the task (`variables.<field>`), unless it is refused (`outcome: "rejected"`,
 * where the template allows that). The comment travels as the `comment` variable, so the process
 * (and the engine's comment-required check on rejections) reads it.
 *
 * @example
 * completionProblems('requestInfo', fields, { variables: {}, outcome: 'submitted' });
 * // [{ path: 'variables.amount', message: 'required' }]
 */
export function completionProblems(
  kind: string,
  fields: readonly Field[],
  c: { variables: Record<string, unknown>; outcome?: string | undefined },
): ValueProblem[] {
  if (kind !== 'requestInfo' && kind !== 'form') return [];
  if (c.outcome !== undefined && REFUSALS.has(c.outcome)) return [];
  const own = Object.fromEntries(
    Object.entries(c.variables).filter(([name]) => fields.some((f) => f.id === name)),
  );
  return validateValues(fields, own, { prefix: 'variables', partial: false }).problems.filter(
    (p) => p.message === 'required',
  );
}

/** The variables the engine gets: the checked values, and the comment (when given) as `comment`. */
export function withComment(
  values: Record<string, unknown>,
  comment: string | undefined,
): Record<string, unknown> {
  return comment === undefined ? values : { ...values, comment };
}

/** The comment a completion carried (stored on the task row for the instance card). */
export function commentOf(variables: Record<string, unknown> | undefined): string | null {
  const comment = variables?.comment;
  return typeof comment === 'string' && comment.trim() !== '' ? comment : null;
}
