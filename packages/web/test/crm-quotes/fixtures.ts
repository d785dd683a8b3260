import type { Product } from '../../src/api/crm-catalog.ts';
import type { Quote } from '../../src/api/crm-quotes.ts';

/** A draft quote as GET /crm/quotes/{id} answers it: a catalogue row and a free one; `over` changes fields. */
export function quote(over: Partial<Quote> = {}): Quote {
  return {
    id: 'q1',
    number: 7,
    dealId: 'd1',
    dealTitle: 'Forklifts for ACME',
    status: 'draft',
    currency: 'RUB',
    total: 5199.42,
    vatRate: null,
    vatIncluded: true,
    vat: 0,
    validUntil: null,
    comment: null,
    language: 'en',
    version: 3,
    rows: [
      {
        productId: 'p1',
        name: 'Forklift FL-15',
        unit: 'pcs',
        quantity: 3.5,
        price: 1299.9,
        discount: 5.5,
        total: 4299.42,
      },
      {
        productId: null,
        name: 'Delivery',
        unit: 'trip',
        quantity: 2,
        price: 500,
        discount: 10,
        total: 900,
      },
    ],
    createdBy: 'ivan',
    createdAt: '2026-05-12T10:00:00.000Z',
    updatedAt: '2026-05-12T10:00:00.000Z',
    sentAt: null,
    sentTo: [],
    ...over,
  };
}

export function product(over: Partial<Product> = {}): Product {
  return {
    id: 'p2',
    name: 'Pallet truck',
    sku: 'PT-2',
    unit: 'pcs',
    price: 350,
    currency: 'RUB',
    priceListId: null,
    priceListName: null,
    description: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    ...over,
  };
}
