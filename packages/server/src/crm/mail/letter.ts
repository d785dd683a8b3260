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

/** A parsed letter read from `m` at `position`; `received` is when the server got it. */
export function letterOf(
  mail: ParsedMail,
  m: CrmMailboxesTable,
  position: FolderPosition,
  received: number,
): Letter {
  const text = mail.text ?? '';
  return {
    key: mail.messageId ?? `<imap.${m.id}.${position.validity}.${position.uid}@baton>`,
    answers: referencesOf(mail),
    from: addresses(mail.from)[0] ?? { address: '', name: null },
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
  };
}
