import type { NewProduct, Product, ProductChanges } from '../api/crm-catalog.ts';
import { amountOf } from '../crm/items/item-draft.ts';
import { DEFAULT_CURRENCY } from '../crm/money.ts';

/** The unit a product is counted in unless told otherwise (the server's default too). */
export const DEFAULT_UNIT = 'pcs';

/** What the product dialog edits: text as typed, the price as the number input holds it. */
export interface ProductDraft {
  name: string;
  sku: string;
  unit: string;
  price: number | string;
  currency: string;
  priceListId: string | null;
  description: string;
}

/** A new product, in the price list the catalogue is filtered by (if any), in roubles. */
export function newProductDraft(priceListId: string | null): ProductDraft {
  return {
    name: '',
    sku: '',
    unit: DEFAULT_UNIT,
    price: '',
    currency: DEFAULT_CURRENCY,
    priceListId,
    description: '',
  };
}

export function draftOfProduct(product: Product): ProductDraft {
  return {
    name: product.name,
    sku: product.sku ?? '',
    unit: product.unit,
    price: product.price,
    currency: product.currency,
    priceListId: product.priceListId,
    description: product.description ?? '',
  };
}

const cleaned = (text: string): string | null => text.trim() || null;

/** The body that creates the drafted product; null while the price is no number. */
export function newProductOf(draft: ProductDraft): NewProduct | null {
  const price = amountOf(draft.price);
  if (price === null) return null;
  return {
    name: draft.name.trim(),
    sku: cleaned(draft.sku),
    unit: draft.unit.trim() || DEFAULT_UNIT,
    price,
    currency: draft.currency,
    priceListId: draft.priceListId,
    description: cleaned(draft.description),
  };
}

/** Of a product's full body, only what differs from the product as loaded (an emptied article as null). */
export function productChangesOf(product: Product, body: NewProduct): ProductChanges {
  return Object.fromEntries(
    Object.entries(body).filter(([name, value]) => value !== product[name as keyof NewProduct]),
  );
}
