import type { EmailDetail, Mailbox, NewEmail } from '../api/crm-mail.ts';
import { recipientsOf } from '../crm-quotes/quote-sending.ts';
import { filesProblem, type LetterAttachment } from './letter-files.ts';

/** What the composer edits: addresses as typed in one line each, the files as chosen (read on sending). */
export interface LetterDraft {
  /** The mailbox it goes out from; null leaves the choice to the server. */
  mailboxId: string | null;
  to: string;
  cc: string;
  subject: string;
  text: string;
  files: readonly File[];
  /** The incoming letter answered. */
  replyToId: string | null;
}

type Usable = Pick<Mailbox, 'id' | 'ownerId' | 'enabled'>;

/** The mailboxes I may write from: enabled, the company's or my own (mine first, as the server picks). */
export function usableMailboxes<M extends Usable>(mailboxes: readonly M[], me: string | null): M[] {
  const usable = mailboxes.filter((m) => m.enabled && (m.ownerId === null || m.ownerId === me));
  return [...usable.filter((m) => m.ownerId !== null), ...usable.filter((m) => m.ownerId === null)];
}

/** "Re: " before a subject, unless it already answers something ("RE:", "re:" alike). */
export function replySubject(subject: string): string {
  const trimmed = subject.trim();
  return /^re:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`.trim();
}

/**
 * Where a letter to the client goes by default: the lead's own address, else its (or the deal's)
 * contact's, else its company's; null when none has one.
 */
export function clientAddress(candidates: {
  own?: string | null | undefined;
  contact?: string | null | undefined;
  company?: string | null | undefined;
}): string | null {
  return [candidates.own, candidates.contact, candidates.company].find((a) => a?.trim())?.trim() ?? null;
}

/** A new letter to the client's address, if known, from the first usable mailbox. */
export function newLetterDraft(to: string | null, usable: readonly Usable[]): LetterDraft {
  return {
    mailboxId: usable[0]?.id ?? null,
    to: to ?? '',
    cc: '',
    subject: '',
    text: '',
    files: [],
    replyToId: null,
  };
}

/** An answer to an incoming letter: to its sender, from the mailbox it came to when I may write from it. */
export function replyDraft(
  letter: Pick<EmailDetail, 'id' | 'from' | 'subject' | 'mailboxId'>,
  usable: readonly Usable[],
): LetterDraft {
  const own = usable.find((m) => m.id === letter.mailboxId);
  return {
    ...newLetterDraft(letter.from.address, usable),
    ...(own ? { mailboxId: own.id } : {}),
    subject: replySubject(letter.subject),
    replyToId: letter.id,
  };
}

/** What stops the draft from being sent before the server is asked; null when nothing does. */
export function letterProblem(draft: LetterDraft): 'to' | 'subject' | 'files' | null {
  if (recipientsOf(draft.to).length === 0) return 'to';
  if (draft.subject.trim() === '') return 'subject';
  return filesProblem(draft.files) ? 'files' : null;
}

/** The body that sends the draft on a deal or lead, with its files as read (`attachments`, in order). */
export function letterBody(
  dealId: string,
  draft: LetterDraft,
  attachments: readonly LetterAttachment[],
): NewEmail {
  const cc = recipientsOf(draft.cc);
  return {
    dealId,
    ...(draft.mailboxId ? { mailboxId: draft.mailboxId } : {}),
    to: recipientsOf(draft.to),
    ...(cc.length > 0 ? { cc } : {}),
    subject: draft.subject.trim(),
    text: draft.text,
    ...(draft.replyToId ? { replyToId: draft.replyToId } : {}),
    ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
  };
}
