import { type DelayUnit, delayFromIso, delayToIso } from './delay.ts';

/**
 * A duration as the robot form edits it (when it acts, when what it plans is due): none (`now`), a
 * whole number of hours, days or weeks (`after`), or one set through the API that the form cannot split
 * (`P1M`, `kept`): saved back as it was unless the user picks another.
 */
export interface DurationDraft {
  when: 'now' | 'after' | 'kept';
  /** The NumberInput's value: a number, or '' while empty. */
  amount: number | string;
  unit: DelayUnit;
  kept: string | null;
}

export function durationDraftOf(iso: string | null): DurationDraft {
  const delay = delayFromIso(iso);
  return {
    when: delay === null ? 'kept' : delay.kind,
    amount: delay?.kind === 'after' ? delay.amount : 1,
    unit: delay?.kind === 'after' ? delay.unit : 'days',
    kept: delay === null ? iso : null,
  };
}

/** The duration to store: null for none, else `P3D`, `PT4H`, `P2W`, or the kept one. */
export function durationOfDraft(draft: DurationDraft): string | null {
  if (draft.when === 'kept') return draft.kept;
  if (draft.when === 'now') return null;
  return delayToIso({ kind: 'after', amount: Number(draft.amount), unit: draft.unit });
}

/** Whether "after" holds no whole number of 1 or more, which the form will not send. */
export function amountInvalid(draft: DurationDraft): boolean {
  if (draft.when !== 'after') return false;
  const amount = Number(draft.amount);
  return draft.amount === '' || !Number.isInteger(amount) || amount < 1;
}
