import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/**
 * How a part of the CRM words the server's refusals a user can act on: each code's meaning from
 * `<namespace>.json` `problems`, followed by the server's detail (it names the stage, pipeline or
 * field); any other error as its message.
 */
export function refusalsOf<Code extends string>(namespace: string, codes: readonly Code[]) {
  const codeOf = (error: unknown): Code | null =>
    error instanceof ApiError ? (codes.find((code) => code === error.code) ?? null) : null;
  const message = (error: unknown, t: TFunction): string => {
    const code = codeOf(error);
    const detail = error instanceof Error ? error.message : String(error);
    return code ? t(`${namespace}:problems.${code}`, { detail }) : detail;
  };
  /** The refusal as an error whose message is `message`, for FormProblem and ConfirmDialog. */
  const explained = (error: unknown, t: TFunction): Error | null =>
    error ? new Error(message(error, t)) : null;
  return { codeOf, message, explained };
}

const refusals = refusalsOf('crm', [
  'VERSION_CONFLICT',
  'STAGE_IN_USE',
  'PIPELINE_IN_USE',
  'BAD_REFERENCE',
  'READ_ONLY',
]);

export const { codeOf: problemCode, message: problemMessage, explained } = refusals;
