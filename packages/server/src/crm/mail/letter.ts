import type { AddressObject, ParsedMail } from 'mailparser';
import type { CrmMailboxesTable } from '../../db/schema.ts';

export interface Address {
  address: string;
  name: string | null;
}

export interface LetterFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A letter as the CRM keeps it, whichever way it came. */
export interface Letter {
  /** Its Message-ID, or one made of where it was read when it has none. */
  key: string;
  /** The Message-IDs it answers (In-Reply-To, then References newest first). */
  answers: string[];
  from: Address;
  to: Address[];
  cc: Address[];
  subject: string;
  text: string;
  sentAt: number;
  files: LetterFile[];
  /** Written by a machine — an auto-reply, a bounce, a mailing list: no one waits for an answer. */
  automatic: boolean;
}

/** Where a letter was read: the folder's UIDVALIDITY and its UID there. */
export interface FolderPosition {
  validity: string;
  uid: number;
}

/** A letter's text is kept up to this many characters (a quoted thread can run on for pages). */
const MAX_TEXT = 100_000;

const addresses = (field: AddressObject | AddressObject[] | undefined): Address[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((group) => group.value)
    .flatMap((a) => (a.address ? [{ address: a.address.toLowerCase(), name: a.name || null }] : []));

const referencesOf = (mail: ParsedMail): string[] => {
  const references = Array.isArray(mail.references)
    ? mail.references
    : mail.references
      ? [mail.references]
      : [];
  return [...new Set([...(mail.inReplyTo ? [mail.inReplyTo] : []), ...references.reverse()])];
};

/** Senders that are machines, whatever their headers say. */
const MACHINES = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i;

/**
 * Whether a machine wrote the letter: `Auto-Submitted` other than `no` (RFC 3834: auto-replies,
 * bounces), `Precedence: bulk | junk | list`, a mailing list's `List-*` headers, or a sender like
 * `mailer-daemon@`.
 */
function automaticOf(mail: ParsedMail, from: string): boolean {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : value === undefined ? '' : 'yes';
  };
  const submitted = header('auto-submitted');
  return (
    (submitted !== '' && submitted !== 'no') ||
    ['bulk', 'junk', 'list'].includes(header('precedence')) ||
    // mailparser gathers List-Id, List-Unsubscribe, … under `list`.
    header('list') !== '' ||
    MACHINES.test(from)
  );
}

/** A parsed letter read from `m` at `position`; `received` is when the server got it. */
export function letterOf(
  mail: ParsedMail,
  m: CrmMailboxesTable,
  position: FolderPosition,
  received: number,
): Letter {
  const text = mail.text ?? '';
  const from = addresses(mail.from)[0] ?? { address: '', name: null };
  return {
    key: mail.messageId ?? `<imap.${m.id}.${position.validity}.${position.uid}@baton>`,
    answers: referencesOf(mail),
    from,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? '').trim(),
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
    sentAt: mail.date?.getTime() ?? received,
    files: mail.attachments.map((a, i) => ({
      filename: a.filename ?? `attachment-${i + 1}`,
      contentType: a.contentType,
      content: a.content,
    })),
    automatic: automaticOf(mail, from.address),
  };
}
