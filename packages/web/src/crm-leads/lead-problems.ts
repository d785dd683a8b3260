import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** The lead refusals a user can act on, by the server's code; their words are in leads.json `problems`. */
const EXPLAINED = ['VERSION_CONFLICT', 'LEAD_CONVERTED', 'BAD_REFERENCE', 'INVALID_FIELDS'] as const;
type Explained = (typeof EXPLAINED)[number];

export function leadProblemCode(error: unknown): Explained | null {
  if (!(error instanceof ApiError)) return null;
  return EXPLAINED.find((code) => code === error.code) ?? null;
}

/** A refusal in the user's language, followed by the server's detail (it names the stage or field). */
export function leadProblem(error: unknown, t: TFunction): string {
  const code = leadProblemCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return code ? t(`leads:problems.${code}`, { detail }) : detail;
}

/** The refusal as an error whose message is `leadProblem`, for FormProblem and ConfirmDialog. */
export function explainedLead(error: unknown, t: TFunction): Error | null {
  return error ? new Error(leadProblem(error, t)) : null;
}
