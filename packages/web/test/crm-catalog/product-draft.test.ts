import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/api/crm-catalog.ts';
import {
  draftOfProduct,
  newProductDraft,
  newProductOf,
  type ProductDraft,
  productChangesOf,
} from '../../src/crm-catalog/product-draft.ts';

const bolt: Product = {
  id: 'p1',
  name: 'Bolt M8×40',
  sku: 'M8-40',
  unit: 'pcs',
  price: 12.5,
  currency: 'RUB',
  priceListId: 'metiz',
  priceListName: 'Metiz',
  description: null,
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
};

describe('a new product', () => {
  it('starts in the price list the catalogue is filtered by, in pieces and roubles, without a price', () => {
    expect(newProductDraft('metiz')).toEqual({
      name: '',
      sku: '',
      unit: 'pcs',
      price: '',
      currency: 'RUB',
      priceListId: 'metiz',
      description: '',
    });
  });

  it('is sent trimmed, with an empty article and description as null and an empty unit as pcs', () => {
    const draft = { ...newProductDraft(null), name: ' Washer ', sku: '  ', unit: ' ', price: '1 250,5' };
    expect(newProductOf(draft)).toEqual({
      name: 'Washer',
      sku: null,
      unit: 'pcs',
      price: 1250.5,
      currency: 'RUB',
      priceListId: null,
      description: null,
    });
  });

  it('is not sent while its price is empty', () => {
    expect(newProductOf({ ...newProductDraft(null), name: 'Washer' })).toBeNull();
  });
});

describe('a product changed', () => {
  const changed = (change: Partial<ProductDraft>) => {
    const body = newProductOf({ ...draftOfProduct(bolt), ...change });
    if (!body) throw new Error('the draft has no price');
    return productChangesOf(bolt, body);
  };

  it('sends only what differs from the product as loaded', () => {
    expect(changed({ price: 13, name: ' Bolt M8×40 ' })).toEqual({ price: 13 });
  });

  it('sends an emptied article as null, and nothing when nothing changed', () => {
    expect(changed({ sku: '' })).toEqual({ sku: null });
    expect(changed({})).toEqual({});
  });
});
