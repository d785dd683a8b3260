import type { Pipeline } from '../api/crm.ts';
import type { CrmFieldValue } from '../api/crm-fields.ts';
import type { LeadChanges, LeadItem, NewLead } from '../api/crm-leads.ts';
import { amountOf, type ItemDraftBasics, newItemBasics } from '../crm/items/item-draft.ts';
import { filledIn, newFieldsOf, sameValues } from '../crm-fields/field-values.ts';

/** What the lead form edits: text as typed, an amount as the number input holds it ('' for none). */
export interface LeadDraft extends ItemDraftBasics {
  title: string;
  name: string;
  companyTitle: string;
  phone: string;
  email: string;
  source: string;
  /** The lead's own fields by key: the company's lead fields and whatever processes keep there. */
  fields: Record<string, CrmFieldValue>;
}

/** The texts the server keeps as `null` when empty. */
const TEXTS = ['name', 'companyTitle', 'phone', 'email', 'source', 'comment'] as const;
/** The fields holding one value each, compared as they are. */
const SCALARS = [...TEXTS, 'title', 'amount', 'currency', 'pipelineId', 'stageId', 'responsibleId'] as const;
/** The draft's fields by the names the server's refusals give them; `fields` are the company's own. */
export const LEAD_FIELDS = [...SCALARS, 'fields'] as const;

/** A new lead at a pipeline's first stage, in roubles, with me responsible. */
export function newLeadDraft(pipeline: Pipeline | null, me: string | null): LeadDraft {
  return {
    ...newItemBasics(pipeline, me),
    title: '',
    name: '',
    companyTitle: '',
    phone: '',
    email: '',
    source: '',
    fields: {},
  };
}

export function leadDraftOf(lead: LeadItem): LeadDraft {
  return {
    title: lead.title,
    name: lead.name ?? '',
    companyTitle: lead.companyTitle ?? '',
    phone: lead.phone ?? '',
    email: lead.email ?? '',
    source: lead.source ?? '',
    amount: lead.amount ?? '',
    currency: lead.currency,
    pipelineId: lead.pipelineId,
    stageId: lead.stageId,
    responsibleId: lead.responsibleId,
    comment: lead.comment ?? '',
    fields: { ...lead.fields },
  };
}

/** Whether the draft says who the request is from: the server refuses a lead without any of these. */
export function identifies(draft: LeadDraft): boolean {
  return [draft.title, draft.name, draft.companyTitle, draft.phone, draft.email].some((v) => v.trim() !== '');
}

const trimmed = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Each field as the server has it, so that a draft and a lead compare field by field. */
function sent(draft: LeadDraft) {
  return {
    title: draft.title.trim(),
    name: trimmed(draft.name),
    companyTitle: trimmed(draft.companyTitle),
    phone: trimmed(draft.phone),
    email: trimmed(draft.email),
    source: trimmed(draft.source),
    comment: trimmed(draft.comment),
    amount: amountOf(draft.amount),
    currency: draft.currency,
    pipelineId: draft.pipelineId,
    stageId: draft.stageId,
    responsibleId: draft.responsibleId,
    fields: filledIn(draft.fields),
  };
}

/** The body that creates the drafted lead: empty fields left out (an empty title: the server names it). */
export function newLeadOf(draft: LeadDraft): NewLead {
  const s = sent(draft);
  const body: Record<string, unknown> = { currency: s.currency, ...newFieldsOf(s.fields) };
  for (const field of SCALARS) {
    const value = s[field];
    if (value !== null && value !== '') body[field] = value;
  }
  return body as NewLead;
}

/** Only what differs from the lead as loaded, so a save never overwrites a field nobody touched. */
export function leadChangesOf(lead: LeadItem, draft: LeadDraft): LeadChanges {
  const now = sent(draft);
  const before = sent(leadDraftOf(lead));
  const changes: Record<string, unknown> = {};
  for (const field of SCALARS) if (now[field] !== before[field]) changes[field] = now[field];
  if (!sameValues(now.fields, before.fields)) changes.fields = now.fields;
  if ('stageId' in changes || 'pipelineId' in changes) {
    changes.pipelineId = now.pipelineId;
    changes.stageId = now.stageId;
  }
  // An emptied title is not sent: the lead keeps a title, and someone is always responsible.
  if (changes.title === '') delete changes.title;
  if (changes.responsibleId === null) delete changes.responsibleId;
  return changes as LeadChanges;
}

/**
 * The draft carried over to a newer lead (after my own stage move, or on loading someone else's
 * change): the fields edited since `from` keep the edit, the others take the newer values.
 */
export function rebaseLead(draft: LeadDraft, from: LeadItem, to: LeadItem): LeadDraft {
  const before = leadDraftOf(from);
  const out: Record<string, unknown> = { ...leadDraftOf(to) };
  for (const field of SCALARS) if (draft[field] !== before[field]) out[field] = draft[field];
  if (!sameValues(draft.fields, before.fields)) out.fields = draft.fields;
  return out as unknown as LeadDraft;
}
