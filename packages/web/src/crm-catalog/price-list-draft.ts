import type { PriceList, PriceListBody } from '../api/crm-catalog.ts';

/** After how many days a new supplier's prices count as stale (the server's default too). */
export const DEFAULT_STALE_AFTER_DAYS = 30;

/** What the price list dialog edits; the days as the number input holds them ('' while empty). */
export interface PriceListDraft {
  name: string;
  email: string;
  staleAfterDays: number | string;
}

export function priceListDraftOf(list?: PriceList): PriceListDraft {
  return {
    name: list?.name ?? '',
    email: list?.email ?? '',
    staleAfterDays: list?.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
  };
}

/** The body POST and PATCH take: no e-mail as null; days left empty as the default. */
export function priceListBody(draft: PriceListDraft): PriceListBody {
  const days = Number(draft.staleAfterDays);
  return {
    name: draft.name.trim(),
    email: draft.email.trim() || null,
    staleAfterDays: draft.staleAfterDays === '' || !Number.isFinite(days) ? DEFAULT_STALE_AFTER_DAYS : days,
  };
}
