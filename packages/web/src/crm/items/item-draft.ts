import type { Pipeline, Stage } from '../../api/crm.ts';
import type { CrmFieldValue } from '../../api/crm-fields.ts';
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

/** The body that moves an item to a stage: at the version it was read at, with the values going along. */
export interface ItemMove {
  stageId: string;
  version: number;
  fields?: Record<string, CrmFieldValue>;
}

/**
 * How an item moves to a stage (`DraftRules.moveOf`) by its draft rules' `changesOf`: the company's
 * fields filled in since the last save go along, for the stage may require them (the server said so
 * on the last try).
 */
export function moveCarryingFields<Item extends { version: number }, Draft>(
  changesOf: (item: Item, draft: Draft) => { fields?: Record<string, CrmFieldValue> | undefined },
) {
  return (item: Item, draft: Draft, stage: Pick<Stage, 'id'>): ItemMove => {
    const { fields } = changesOf(item, draft);
    return { stageId: stage.id, version: item.version, ...(fields ? { fields } : {}) };
  };
}
