import { type Answer, parseDuration } from '@baton/engine';
import { z } from 'zod';

const isDuration = (iso: string) => {
  try {
    parseDuration(iso);
    return true;
  } catch {
    return false;
  }
};

const answerSchema = z
  .object({
    $after: z
      .string()
      .refine(isDuration, 'must be an ISO 8601 duration such as "P3D" or "PT1H30M"')
      .optional(),
    $outcome: z.string().min(1).optional(),
    $error: z.string().min(1).optional(),
    $message: z.string().optional(),
  })
  .catchall(z.unknown());

/** `--answers` file: node id → answers, used in the order that node's tasks are created or its calls made. */
export const answersSchema = z.record(z.string().min(1), z.array(answerSchema));

export type AnswersResult = { ok: true; answers: Record<string, Answer[]> } | { ok: false; errors: string[] };

/** Checks a parsed answers file; each error names its path, e.g. `approve[1].$after`. */
export function parseAnswers(input: unknown): AnswersResult {
  const parsed = answersSchema.safeParse(input);
  if (parsed.success) return { ok: true, answers: parsed.data as Record<string, Answer[]> };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${pathOf(issue.path) || '(root)'}: ${issue.message}`),
  };
}

function pathOf(parts: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
