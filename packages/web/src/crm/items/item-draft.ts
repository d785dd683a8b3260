import type { Pipeline } from '../../api/crm.ts';
import { DEFAULT_CURRENCY } from '../money.ts';

/** What a deal's draft and a lead's have alike: text as typed, an amount as the number input holds it. */
export interface ItemDraftBasics {
  amount: number | string;
  currency: string;
  pipelineId: string;
  stageId: string;
  responsibleId: string | null;
  comment: string;
}

/** A new item's basics: in a pipeline's first stage, no amount, in roubles, with me responsible. */
export function newItemBasics(pipeline: Pipeline | null, me: string | null): ItemDraftBasics {
  return {
    amount: '',
    currency: DEFAULT_CURRENCY,
    pipelineId: pipeline?.id ?? '',
    stageId: pipeline?.stages[0]?.id ?? '',
    responsibleId: me,
    comment: '',
  };
}

/** The amount to send: a number, or null for none (an input left empty or holding no number). */
export function amountOf(typed: number | string): number | null {
  if (typeof typed === 'number') return Number.isFinite(typed) ? typed : null;
  const n = Number(typed.replace(/\s/g, '').replace(',', '.'));
  return typed.trim() === '' || !Number.isFinite(n) ? null : n;
}
