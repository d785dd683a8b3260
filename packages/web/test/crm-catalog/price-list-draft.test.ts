import { describe, expect, it } from 'vitest';
import type { PriceList } from '../../src/api/crm-catalog.ts';
import { priceListBody, priceListDraftOf } from '../../src/crm-catalog/price-list-draft.ts';

const metiz: PriceList = {
  id: 'metiz',
  name: 'Metiz',
  email: 'prices@metiz.example',
  staleAfterDays: 14,
  pricesUpdatedAt: null,
  requestedAt: null,
  stale: false,
  productCount: 0,
  createdAt: '2026-05-01T10:00:00.000Z',
};

describe('a price list drafted', () => {
  it('starts empty with prices stale after 30 days', () => {
    expect(priceListDraftOf()).toEqual({ name: '', email: '', staleAfterDays: 30 });
  });

  it('is sent as loaded when nothing was changed', () => {
    expect(priceListBody(priceListDraftOf(metiz))).toEqual({
      name: 'Metiz',
      email: 'prices@metiz.example',
      staleAfterDays: 14,
    });
  });

  it('is sent trimmed, without an e-mail as null, with the days left empty as 30', () => {
    expect(priceListBody({ name: ' Krep ', email: ' ', staleAfterDays: '' })).toEqual({
      name: 'Krep',
      email: null,
      staleAfterDays: 30,
    });
  });
});
