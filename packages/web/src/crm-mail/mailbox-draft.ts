import type { Mailbox, MailboxChanges, MailboxInput } from '../api/crm-mail.ts';

/** The server's defaults: IMAP over TLS on 993, SMTP over TLS on 465, the inbox, a check every 5 minutes. */
export const IMAP_PORT = 993;
export const SMTP_PORT = 465;
export const DEFAULT_FOLDER = 'INBOX';
export const DEFAULT_CHECK_MINUTES = 5;

/** A mail server as its inputs hold it: the port as the number input does ('' while empty). */
export interface ServerDraft {
  host: string;
  port: number | string;
  tls: boolean;
  user: string;
  /** Empty on a stored mailbox: keep the one saved. */
  password: string;
}

/** What the mailbox dialog edits. */
export interface MailboxDraft {
  name: string;
  address: string;
  /** Whose it is: the company's (everyone may write from it) or a person's own. */
  owner: { kind: 'company' } | { kind: 'person'; id: string | null };
  imap: ServerDraft & { folder: string };
  /** Null: letters go out through Baton's own SMTP server. */
  smtp: ServerDraft | null;
  /** Null: letters of unknown senders are not taken. */
  leads: { pipelineId: string | null; responsibleId: string | null } | null;
  enabled: boolean;
  checkEveryMinutes: number | string;
}

const server = (port: number): ServerDraft => ({ host: '', port, tls: true, user: '', password: '' });

/** An own SMTP server as the dialog starts it when switched on. */
export const newSmtpDraft = (): ServerDraft => server(SMTP_PORT);

/** A new mailbox: the company's for whoever manages the CRM, else the person's own (`me`). */
export function newMailboxDraft(company: boolean, me: string | null): MailboxDraft {
  return {
    name: '',
    address: '',
    owner: company ? { kind: 'company' } : { kind: 'person', id: me },
    imap: { ...server(IMAP_PORT), folder: DEFAULT_FOLDER },
    smtp: null,
    leads: null,
    enabled: true,
    checkEveryMinutes: DEFAULT_CHECK_MINUTES,
  };
}

/** A stored mailbox in the dialog, its passwords empty (kept unless typed anew). */
export function mailboxDraftOf(mailbox: Mailbox): MailboxDraft {
  return {
    name: mailbox.name,
    address: mailbox.address,
    owner: mailbox.ownerId === null ? { kind: 'company' } : { kind: 'person', id: mailbox.ownerId },
    imap: { ...mailbox.imap, password: '' },
    smtp: mailbox.smtp ? { ...mailbox.smtp, password: '' } : null,
    leads:
      mailbox.leadPipelineId === null
        ? null
        : { pipelineId: mailbox.leadPipelineId, responsibleId: mailbox.leadResponsibleId },
    enabled: mailbox.enabled,
    checkEveryMinutes: mailbox.checkEveryMinutes,
  };
}

/** A number as typed, or `fallback` when the input is empty or holds none. */
function numberOf(typed: number | string, fallback: number): number {
  const n = Number(typed);
  return typed === '' || !Number.isFinite(n) ? fallback : n;
}

/** A server's part of the body but its password. */
function serverOf(draft: ServerDraft, defaultPort: number) {
  return {
    host: draft.host.trim(),
    port: numberOf(draft.port, defaultPort),
    tls: draft.tls,
    user: draft.user.trim(),
  };
}

/** What connecting and changing send alike: all but the passwords. */
function fieldsOf(draft: MailboxDraft, choosesOwner: boolean) {
  return {
    name: draft.name.trim(),
    address: draft.address.trim(),
    // Whose it is goes only from someone who may choose (manageCrm); the others' are their own.
    ...(choosesOwner ? { ownerId: draft.owner.kind === 'company' ? null : draft.owner.id } : {}),
    leadPipelineId: draft.leads?.pipelineId ?? null,
    leadResponsibleId: draft.leads?.responsibleId ?? null,
    enabled: draft.enabled,
    checkEveryMinutes: numberOf(draft.checkEveryMinutes, DEFAULT_CHECK_MINUTES),
  };
}

const imapOf = (draft: MailboxDraft) => ({
  ...serverOf(draft.imap, IMAP_PORT),
  folder: draft.imap.folder.trim() || DEFAULT_FOLDER,
});

/** The body that connects the draft, with both passwords (the form requires them). */
export function mailboxInput(draft: MailboxDraft, choosesOwner: boolean): MailboxInput {
  return {
    ...fieldsOf(draft, choosesOwner),
    imap: { ...imapOf(draft), password: draft.imap.password },
    smtp: draft.smtp && { ...serverOf(draft.smtp, SMTP_PORT), password: draft.smtp.password },
  };
}

/** The body that changes a stored mailbox: every field, a password left empty left out (kept). */
export function mailboxChanges(draft: MailboxDraft, choosesOwner: boolean): MailboxChanges {
  const typed = (password: string) => (password ? { password } : {});
  return {
    ...fieldsOf(draft, choosesOwner),
    imap: { ...imapOf(draft), ...typed(draft.imap.password) },
    smtp: draft.smtp && { ...serverOf(draft.smtp, SMTP_PORT), ...typed(draft.smtp.password) },
  };
}
