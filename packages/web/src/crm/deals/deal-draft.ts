import type { Pipeline } from '../../api/crm.ts';
import type { DealChanges, DealItem, NewDeal } from '../../api/crm-deals.ts';
import type { CrmFieldValue } from '../../api/crm-fields.ts';
import { filledIn, newFieldsOf, sameValues } from '../../crm-fields/field-values.ts';
import { amountOf, newItemBasics } from '../items/item-draft.ts';

/** What the deal form edits: text as typed, an amount as the number input holds it ('' for none). */
export interface DealDraft {
  title: string;
  amount: number | string;
  currency: string;
  pipelineId: string;
  stageId: string;
  contactId: string | null;
  companyId: string | null;
  responsibleId: string | null;
  comment: string;
  /** The deal's own fields by key: the company's deal fields and whatever processes keep there. */
  fields: Record<string, CrmFieldValue>;
}

type Field = keyof DealDraft;
/** The draft's fields, in the form's order; `fields` are the company's own (CustomFields). */
export const DEAL_FIELDS: readonly Field[] = [
  'title',
  'amount',
  'currency',
  'pipelineId',
  'stageId',
  'contactId',
  'companyId',
  'responsibleId',
  'comment',
  'fields',
];

/** A new deal in a pipeline's first stage, in roubles, with me responsible. */
export function newDealDraft(pipeline: Pipeline | null, me: string | null): DealDraft {
  return { ...newItemBasics(pipeline, me), title: '', contactId: null, companyId: null, fields: {} };
}

export function draftOf(deal: DealItem): DealDraft {
  return {
    title: deal.title,
    amount: deal.amount ?? '',
    currency: deal.currency,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    contactId: deal.contactId,
    companyId: deal.companyId,
    responsibleId: deal.responsibleId,
    comment: deal.comment ?? '',
    fields: { ...deal.fields },
  };
}

/** Each field as the server has it, so that a draft and a deal compare field by field. */
function sent(draft: DealDraft) {
  return {
    title: draft.title.trim(),
    amount: amountOf(draft.amount),
    currency: draft.currency,
    pipelineId: draft.pipelineId,
    stageId: draft.stageId,
    contactId: draft.contactId,
    companyId: draft.companyId,
    responsibleId: draft.responsibleId,
    comment: draft.comment.trim() === '' ? null : draft.comment.trim(),
    fields: filledIn(draft.fields),
  };
}

type Sent = ReturnType<typeof sent>;

const differs = (field: Field, a: Sent, b: Sent) =>
  field === 'fields' ? !sameValues(a.fields, b.fields) : a[field] !== b[field];

/** The body that creates the drafted deal; unset optional fields are left out (the server's defaults apply). */
export function newDealOf(draft: DealDraft): NewDeal {
  const s = sent(draft);
  return {
    title: s.title,
    pipelineId: s.pipelineId,
    currency: s.currency,
    ...(s.stageId ? { stageId: s.stageId } : {}),
    ...(s.amount !== null ? { amount: s.amount } : {}),
    ...(s.contactId ? { contactId: s.contactId } : {}),
    ...(s.companyId ? { companyId: s.companyId } : {}),
    ...(s.responsibleId ? { responsibleId: s.responsibleId } : {}),
    ...(s.comment !== null ? { comment: s.comment } : {}),
    ...newFieldsOf(s.fields),
  };
}

/**
 * Only what differs from the deal as loaded, so a save never overwrites a field nobody touched; a moved
 * stage carries its pipeline along (the server checks that the stage is that pipeline's).
 */
export function changesOf(deal: DealItem, draft: DealDraft): DealChanges {
  const now = sent(draft);
  const before = sent(draftOf(deal));
  const changes: Record<string, unknown> = {};
  for (const field of DEAL_FIELDS) if (differs(field, now, before)) changes[field] = now[field];
  if ('stageId' in changes || 'pipelineId' in changes) {
    changes.pipelineId = now.pipelineId;
    changes.stageId = now.stageId;
  }
  return changes as DealChanges;
}

/**
 * The draft carried over to a newer deal (after my own stage move, or on loading someone else's
 * change): the fields edited since `from` keep the edit, the others take the newer values.
 */
export function rebase(draft: DealDraft, from: DealItem, to: DealItem): DealDraft {
  const before = sent(draftOf(from));
  const edited = sent(draft);
  const next = draftOf(to);
  const out = { ...next };
  for (const field of DEAL_FIELDS)
    if (differs(field, edited, before)) (out as Record<Field, unknown>)[field] = draft[field];
  return out;
}
