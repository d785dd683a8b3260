import type { Caller } from '../access/caller.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import type { DealView } from './deal-rows.ts';
import { getDeal } from './deals.ts';
import type { CrmEntity } from './pipelines.ts';
import { badReference } from './references.ts';

/** A process about a deal carries `documentRef: "deal:<id>"`, about a lead `"lead:<id>"`. */
const CRM_REF = /^(deal|lead):(.+)$/;

/** The CRM item a process is about, or null for no reference or an outside one. */
export function crmRefOf(documentRef: string | null): { entity: CrmEntity; id: string } | null {
  const match = documentRef?.match(CRM_REF);
  return match ? { entity: match[1] as CrmEntity, id: match[2] as string } : null;
}

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

/**
 * The document a process started about a CRM item reads (null for references Baton does not keep —
 * an outside system's). The caller must see the deal: else 422 at `body.documentRef`.
 */
export async function crmDocument(
  rt: Runtime,
  caller: Caller,
  documentRef: string | null,
): Promise<Record<string, unknown> | null> {
  const ref = crmRefOf(documentRef);
  if (ref === null) return null;
  try {
    return dealDocument(await getDeal(rt, caller, ref.id, ref.entity));
  } catch (error) {
    if (error instanceof NotFound)
      throw badReference('body.documentRef', `there is no ${ref.entity} ${ref.id}`);
    throw error;
  }
}
