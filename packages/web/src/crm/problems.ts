import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** The CRM's refusals a user can act on, by the server's code; their words are in crm.json `problems`. */
const EXPLAINED = ['VERSION_CONFLICT', 'STAGE_IN_USE', 'PIPELINE_IN_USE', 'BAD_REFERENCE'] as const;
type Explained = (typeof EXPLAINED)[number];

export function problemCode(error: unknown): Explained | null {
  if (!(error instanceof ApiError)) return null;
  return EXPLAINED.find((code) => code === error.code) ?? null;
}

/**
 * A refusal in the user's language: what it means for the known codes, followed by the server's detail
 * (it names the stage, pipeline or field); any other error as its message.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  const code = problemCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return code ? t(`crm:problems.${code}`, { detail }) : detail;
}

/** The refusal as an error whose message is `problemMessage`, for FormProblem and ConfirmDialog. */
export function explained(error: unknown, t: TFunction): Error | null {
  if (!error) return null;
  return new Error(problemMessage(error, t));
}
