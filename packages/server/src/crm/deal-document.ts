import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import type { DealView } from './deal-rows.ts';
import { getDeal } from './deals.ts';
import { getParty, type PartyKind, type PartyView } from './parties.ts';
import type { CrmEntity } from './pipelines.ts';
import { dealQuoteDocument } from './quotes/quote-document.ts';
import { badReference } from './references.ts';

/** A process about a deal carries `documentRef: "deal:<id>"`; about a lead, a contact, a company likewise. */
const CRM_REF = /^(deal|lead|contact|company):(.+)$/;

/** What a process can be about: a deal or lead (on a pipeline), or a contact or company. */
export type CrmRef = { entity: CrmEntity; id: string } | { entity: PartyKind; id: string };

const isParty = (ref: CrmRef): ref is { entity: PartyKind; id: string } =>
  ref.entity === 'contact' || ref.entity === 'company';

/** The CRM item a process is about, or null for no reference or an outside one. */
export function crmRefOf(documentRef: string | null): CrmRef | null {
  const match = documentRef?.match(CRM_REF);
  return match ? ({ entity: match[1], id: match[2] } as CrmRef) : null;
}

/** A contact or company as a process's `document`: its own fields, then its built-in ones. */
export const partyDocument = (p: PartyView): Record<string, unknown> => ({
  ...p.fields,
  ...('taxId' in p ? { taxId: p.taxId, address: p.address } : {}),
  ...('position' in p ? { position: p.position, companyId: p.companyId, company: p.companyName } : {}),
  id: p.id,
  name: p.name,
  phone: p.phone,
  email: p.email,
  comment: p.comment,
  responsible: p.responsibleId,
});

/** The names a process reads a deal by; a deal's own fields may not take them. */
export const DEAL_DOCUMENT_NAMES = [
  'id',
  'title',
  'amount',
  'currency',
  'stage',
  'stageId',
  'stageKind',
  'pipelineId',
  'responsible',
  'contact',
  'contactId',
  'company',
  'companyId',
  'comment',
  'quote',
] as const;

/**
 * The deal as a process's `document`: its own fields by name, then the built-in ones; a lead adds its
 * person as given (`name`, `companyTitle`, `phone`, `email`, `source`).
 */
export const dealDocument = (d: DealView): Record<string, unknown> => ({
  ...d.fields,
  ...(d.entity === 'lead' && {
    name: d.name,
    companyTitle: d.companyTitle,
    phone: d.phone,
    email: d.email,
    source: d.source,
  }),
  id: d.id,
  title: d.title,
  amount: d.amount,
  currency: d.currency,
  stage: d.stageName,
  stageId: d.stageId,
  stageKind: d.stageKind,
  pipelineId: d.pipelineId,
  responsible: d.responsibleId,
  contact: d.contactName,
  contactId: d.contactId,
  company: d.companyName,
  companyId: d.companyId,
  comment: d.comment,
});

/** A deal or lead as a process started about it reads it: a deal with its quote (`document.quote`). */
export async function itemDocument(db: Kysely<Database>, d: DealView): Promise<Record<string, unknown>> {
  return d.entity === 'deal'
    ? { ...dealDocument(d), quote: await dealQuoteDocument(db, d.id) }
    : dealDocument(d);
}

/**
 * The document a process started about a CRM item reads (null for references Baton does not keep —
 * an outside system's). The caller must see the item: else 422 at `body.documentRef`.
 */
export async function crmDocument(
  rt: Runtime,
  caller: Caller,
  documentRef: string | null,
): Promise<Record<string, unknown> | null> {
  const ref = crmRefOf(documentRef);
  if (ref === null) return null;
  try {
    if (isParty(ref)) return partyDocument(await getParty(rt, caller, ref.entity, ref.id));
    return itemDocument(rt.db.kysely, await getDeal(rt, caller, ref.id, ref.entity));
  } catch (error) {
    if (error instanceof NotFound)
      throw badReference('body.documentRef', `there is no ${ref.entity} ${ref.id}`);
    throw error;
  }
}
