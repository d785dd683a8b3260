import type { Kysely } from 'kysely';
import { can } from '../../access/abilities.ts';
import type { Caller } from '../../access/caller.ts';
import { newRowId } from '../../db/row-ids.ts';
import type { CrmMailboxesTable, Database } from '../../db/schema.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Forbidden, NotFound } from '../../runtime/errors.ts';
import { toIso, toIsoOrNull } from '../../util/time.ts';
import { listPipelines } from '../pipelines.ts';
import { badReference, checkResponsible } from '../references.ts';
import { scheduleCheck } from './check-job.ts';
import { type ImapSettings, type SmtpSettings, verifyConnections } from './connection.ts';
import {
  imapOf,
  type MailboxInput,
  type MailboxPatch,
  merged,
  passwordsGiven,
  smtpOf,
} from './mailbox-rows.ts';

export interface MailboxView {
  id: string;
  name: string;
  address: string;
  ownerId: string | null;
  ownerName: string | null;
  imap: Omit<ImapSettings, 'password'>;
  smtp: Omit<SmtpSettings, 'password'> | null;
  leadPipelineId: string | null;
  leadResponsibleId: string | null;
  enabled: boolean;
  checkEveryMinutes: number;
  checkedAt: string | null;
  lastError: string | null;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_CHECK_MINUTES = 5;

/** Company mailboxes (no owner) are the CRM's to manage; a person's own mailbox is theirs too. */
export const mayEdit = (caller: Caller, m: CrmMailboxesTable) =>
  can(caller, 'manageCrm') || (m.owner_id !== null && m.owner_id === caller.userId);

/** Who may use a mailbox — read its list entry, send from it: everyone its company's, its owner their own. */
export const mayUse = (caller: Caller, m: CrmMailboxesTable) => m.owner_id === null || mayEdit(caller, m);

const view = (m: CrmMailboxesTable & { owner_name: string | null }, caller: Caller): MailboxView => ({
  id: m.id,
  name: m.name,
  address: m.address,
  ownerId: m.owner_id,
  ownerName: m.owner_name,
  imap: {
    host: m.imap_host,
    port: m.imap_port,
    tls: m.imap_tls === 1,
    user: m.imap_user,
    folder: m.imap_folder,
  },
  smtp:
    m.smtp_host === null
      ? null
      : { host: m.smtp_host, port: m.smtp_port ?? 465, tls: m.smtp_tls === 1, user: m.smtp_user ?? '' },
  leadPipelineId: m.lead_pipeline_id,
  leadResponsibleId: m.lead_responsible_id,
  enabled: m.enabled === 1,
  checkEveryMinutes: m.check_minutes,
  checkedAt: toIsoOrNull(m.checked_at),
  lastError: m.last_error,
  editable: mayEdit(caller, m),
  createdAt: toIso(m.created_at),
  updatedAt: toIso(m.updated_at),
});

const rows = (db: Kysely<Database>) =>
  db
    .selectFrom('crm_mailboxes as m')
    .leftJoin('users as u', 'u.id', 'm.owner_id')
    .selectAll('m')
    .select('u.name as owner_name');

export async function listMailboxes(rt: Runtime, caller: Caller): Promise<MailboxView[]> {
  const all = await rows(rt.db.kysely).orderBy('m.name').orderBy('m.id').execute();
  return all.filter((m) => mayUse(caller, m)).map((m) => view(m, caller));
}

/** A mailbox the caller may use; 404 for the rest (someone else's own mailbox is not theirs to know of). */
export async function usableMailbox(db: Kysely<Database>, caller: Caller, id: string) {
  const m = await rows(db).where('m.id', '=', id).executeTakeFirst();
  if (!m || !mayUse(caller, m)) throw new NotFound('mailbox', id);
  return m;
}

async function editableMailbox(db: Kysely<Database>, caller: Caller, id: string) {
  const m = await usableMailbox(db, caller, id);
  if (!mayEdit(caller, m))
    throw new Forbidden(`the mailbox ${m.name} is the company's: changing it needs manageCrm`);
  return m;
}

export async function getMailbox(rt: Runtime, caller: Caller, id: string): Promise<MailboxView> {
  return view(await usableMailbox(rt.db.kysely, caller, id), caller);
}

/** The people and pipeline a mailbox names must exist; someone else's mailbox needs manageCrm. */
async function checkReferences(db: Kysely<Database>, caller: Caller, m: CrmMailboxesTable): Promise<void> {
  if (m.owner_id !== null && m.owner_id !== caller.userId && !can(caller, 'manageCrm'))
    throw new Forbidden("connecting someone else's mailbox needs manageCrm");
  if (m.owner_id === null && !can(caller, 'manageCrm'))
    throw new Forbidden('connecting a company mailbox needs manageCrm');
  if (m.owner_id !== null) await checkResponsible(db, m.owner_id, 'body.ownerId');
  if (m.lead_responsible_id !== null)
    await checkResponsible(db, m.lead_responsible_id, 'body.leadResponsibleId');
  if (
    m.lead_pipeline_id !== null &&
    !(await listPipelines(db, 'lead')).some((p) => p.id === m.lead_pipeline_id)
  )
    throw badReference('body.leadPipelineId', `there is no lead pipeline ${m.lead_pipeline_id}`);
}

/** Connects a mailbox: it must sign in (422 MAILBOX_UNREACHABLE at the field that fails) before it is kept. */
export async function createMailbox(rt: Runtime, caller: Caller, input: MailboxInput): Promise<MailboxView> {
  const now = rt.now();
  const empty: CrmMailboxesTable = {
    id: newRowId(),
    name: '',
    address: '',
    owner_id: can(caller, 'manageCrm') ? null : caller.userId,
    imap_host: '',
    imap_port: 993,
    imap_tls: 1,
    imap_user: '',
    imap_password: '',
    imap_folder: 'INBOX',
    smtp_host: null,
    smtp_port: null,
    smtp_tls: null,
    smtp_user: null,
    smtp_password: null,
    lead_pipeline_id: null,
    lead_responsible_id: null,
    enabled: 1,
    check_minutes: DEFAULT_CHECK_MINUTES,
    generation: 1,
    uid_validity: null,
    last_uid: 0,
    checked_at: null,
    last_error: null,
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  const m = merged(rt, empty, input);
  passwordsGiven(m, null, input);
  await checkReferences(rt.db.kysely, caller, m);
  if (m.enabled) await verifyConnections(imapOf(rt, m), smtpOf(rt, m));
  await rt.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('crm_mailboxes').values(m).execute();
    if (m.enabled) await scheduleCheck(rt.db, trx, m, now);
  });
  return getMailbox(rt, caller, m.id);
}

const CONNECTION: readonly (keyof CrmMailboxesTable)[] = [
  'imap_host',
  'imap_port',
  'imap_user',
  'imap_folder',
];

/**
 * Changes a mailbox. New connection settings are tried before they are kept; another server, user or
 * folder is read afresh (the last week's letters, those already taken skipped).
 */
export async function updateMailbox(
  rt: Runtime,
  caller: Caller,
  id: string,
  patch: MailboxPatch,
): Promise<MailboxView> {
  const db = rt.db.kysely;
  const { owner_name: _, ...base } = await editableMailbox(db, caller, id);
  const m = merged(rt, base, patch);
  passwordsGiven(m, base, patch);
  await checkReferences(db, caller, m);
  const elsewhere = CONNECTION.some((k) => m[k] !== base[k]);
  if (m.enabled && (patch.imap || patch.smtp || !base.enabled))
    await verifyConnections(imapOf(rt, m), smtpOf(rt, m));
  const now = rt.now();
  await db.transaction().execute(async (trx) => {
    const next = {
      ...m,
      ...(elsewhere && { uid_validity: null, last_uid: 0 }),
      generation: base.generation + 1,
      updated_at: now,
    };
    await trx.updateTable('crm_mailboxes').set(next).where('id', '=', id).execute();
    if (next.enabled) await scheduleCheck(rt.db, trx, next, now);
  });
  return getMailbox(rt, caller, id);
}

/** The letters it brought stay on their deals. */
export async function deleteMailbox(rt: Runtime, caller: Caller, id: string): Promise<void> {
  await editableMailbox(rt.db.kysely, caller, id);
  await rt.db.kysely.deleteFrom('crm_mailboxes').where('id', '=', id).execute();
}
