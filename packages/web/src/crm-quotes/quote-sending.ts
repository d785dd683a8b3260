import type { QuoteSending } from '../api/crm-quotes.ts';

/** The send form as typed: addresses in one line, '' for "the server's default". */
export interface SendingDraft {
  to: string;
  subject: string;
  message: string;
  /** The stage to move the deal to; null leaves it where it is. */
  stageId: string | null;
}

export const EMPTY_SENDING: SendingDraft = { to: '', subject: '', message: '', stageId: null };

/** The addresses typed, split at commas, semicolons and spaces. */
export const recipientsOf = (typed: string): string[] => typed.split(/[\s,;]+/).filter(Boolean);

/**
 * The body that sends the quote: what is left empty is left out, so the server's defaults apply — the
 * client's e-mail, the standard subject and letter in the quote's language, the deal where it is.
 */
export function sendingOf(draft: SendingDraft): QuoteSending {
  const to = recipientsOf(draft.to);
  const subject = draft.subject.trim();
  const message = draft.message.trim();
  return {
    ...(to.length > 0 ? { to } : {}),
    ...(subject ? { subject } : {}),
    ...(message ? { message } : {}),
    ...(draft.stageId ? { stageId: draft.stageId } : {}),
  };
}
