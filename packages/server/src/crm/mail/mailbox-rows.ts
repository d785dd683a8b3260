import type { CrmMailboxesTable } from '../../db/schema.ts';
import type { Runtime } from '../../runtime/context.ts';
import { badReference } from '../references.ts';
import type { ImapSettings, SmtpSettings } from './connection.ts';
import { seal, unseal } from './sealed.ts';

/** A mailbox's settings as the API takes them, and the row they make: passwords sealed, never shown. */

type Server<S> = Omit<S, 'password'> & { password?: string | undefined };

export interface MailboxInput {
  name: string;
  address: string;
  ownerId?: string | null | undefined;
  imap: Server<ImapSettings>;
  smtp?: Server<SmtpSettings> | null | undefined;
  leadPipelineId?: string | null | undefined;
  leadResponsibleId?: string | null | undefined;
  enabled?: boolean | undefined;
  checkEveryMinutes?: number | undefined;
}
export type MailboxPatch = Partial<MailboxInput>;

export const imapOf = (rt: Runtime, m: CrmMailboxesTable): ImapSettings => ({
  host: m.imap_host,
  port: m.imap_port,
  tls: m.imap_tls === 1,
  user: m.imap_user,
  password: unseal(rt, m.imap_password),
  folder: m.imap_folder,
});

export const smtpOf = (rt: Runtime, m: CrmMailboxesTable): SmtpSettings | null =>
  m.smtp_host === null
    ? null
    : {
        host: m.smtp_host,
        port: m.smtp_port ?? 465,
        tls: m.smtp_tls === 1,
        user: m.smtp_user ?? '',
        password: unseal(rt, m.smtp_password ?? ''),
      };

/** The row a mailbox's input makes over `base`; a password left out keeps the sealed one. */
export function merged(rt: Runtime, base: CrmMailboxesTable, input: MailboxPatch): CrmMailboxesTable {
  const m = { ...base };
  if (input.name !== undefined) m.name = input.name;
  if (input.address !== undefined) m.address = input.address;
  if (input.ownerId !== undefined) m.owner_id = input.ownerId;
  if (input.imap) {
    Object.assign(m, {
      imap_host: input.imap.host,
      imap_port: input.imap.port,
      imap_tls: input.imap.tls ? 1 : 0,
      imap_user: input.imap.user,
      imap_folder: input.imap.folder,
    });
    if (input.imap.password !== undefined) m.imap_password = seal(rt, input.imap.password);
  }
  if (input.smtp === null)
    Object.assign(m, {
      smtp_host: null,
      smtp_port: null,
      smtp_tls: null,
      smtp_user: null,
      smtp_password: null,
    });
  else if (input.smtp) {
    Object.assign(m, {
      smtp_host: input.smtp.host,
      smtp_port: input.smtp.port,
      smtp_tls: input.smtp.tls ? 1 : 0,
      smtp_user: input.smtp.user,
    });
    if (input.smtp.password !== undefined) m.smtp_password = seal(rt, input.smtp.password);
  }
  if (input.leadPipelineId !== undefined) m.lead_pipeline_id = input.leadPipelineId;
  if (input.leadResponsibleId !== undefined) m.lead_responsible_id = input.leadResponsibleId;
  if (input.enabled !== undefined) m.enabled = input.enabled ? 1 : 0;
  if (input.checkEveryMinutes !== undefined) m.check_minutes = input.checkEveryMinutes;
  return m;
}

/** A password is needed the first time, and again when the server or sign-in changes. */
export function passwordsGiven(
  m: CrmMailboxesTable,
  base: CrmMailboxesTable | null,
  input: MailboxPatch,
): void {
  const sameImap =
    base && m.imap_host === base.imap_host && m.imap_user === base.imap_user && m.imap_password !== '';
  if (input.imap && input.imap.password === undefined && !sameImap)
    throw badReference('body.imap.password', 'enter the password for this server and user');
  const sameSmtp =
    base && m.smtp_host === base.smtp_host && m.smtp_user === base.smtp_user && m.smtp_password !== null;
  if (input.smtp && input.smtp.password === undefined && !sameSmtp)
    throw badReference('body.smtp.password', 'enter the password for this server and user');
}
