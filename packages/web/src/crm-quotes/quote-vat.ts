import { amountOf } from '../crm/items/item-draft.ts';

/** The rates a quote is offered, per cent: Russia's zero, reduced and standard (from 2026) ones. */
const VAT_RATES = [0, 10, 22] as const;

/** What the editor's VAT select holds, in its order: no VAT, one of VAT_RATES, or another rate typed in. */
export const VAT_CHOICES = ['none', ...VAT_RATES.map((rate) => `${rate}` as const), 'other'] as const;
export type VatChoice = (typeof VAT_CHOICES)[number];

/**
 * VAT as picked in the editor. `typed` is the rate typed for 'other' ('' while empty): kept apart from
 * the choice so that typing "2" on the way to "22.5" does not turn the choice into a listed rate.
 */
export interface VatPick {
  choice: VatChoice;
  typed: number | string;
}

const listed = (rate: number): rate is (typeof VAT_RATES)[number] =>
  (VAT_RATES as readonly number[]).includes(rate);

/** How a quote's rate (null: no VAT) is picked: a listed rate chosen as such, any other typed in. */
export function vatPickOf(rate: number | null): VatPick {
  if (rate === null) return { choice: 'none', typed: '' };
  return listed(rate) ? { choice: `${rate}`, typed: '' } : { choice: 'other', typed: rate };
}

/**
 * The rate picked, per cent; null for no VAT. Another rate not typed yet counts as none: its input is
 * required, so the form is not sent so.
 */
export function vatRateOf({ choice, typed }: VatPick): number | null {
  if (choice === 'none') return null;
  return choice === 'other' ? amountOf(typed) : Number(choice);
}
