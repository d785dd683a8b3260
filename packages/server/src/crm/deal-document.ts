import type { Caller } from '../access/caller.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import type { DealView } from './deal-rows.ts';
import { getDeal } from './deals.ts';
import { badReference } from './references.ts';

/** A process about a deal carries `documentRef: "deal:<id>"`. */
const DEAL_REF = /^deal:(.+)$/;

export const dealIdOf = (documentRef: string | null): string | null =>
  documentRef?.match(DEAL_REF)?.[1] ?? null;

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

/** The deal as a process's `document`: its own fields by name, then the built-in ones. */
export const dealDocument = (d: DealView): Record<string, unknown> => ({
  ...d.fields,
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
  const dealId = dealIdOf(documentRef);
  if (dealId === null) return null;
  try {
    return dealDocument(await getDeal(rt, caller, dealId));
  } catch (error) {
    if (error instanceof NotFound) throw badReference('body.documentRef', `there is no deal ${dealId}`);
    throw error;
  }
}
