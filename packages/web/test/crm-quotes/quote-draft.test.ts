import { describe, expect, it } from 'vitest';
import {
  amountsOf,
  changesOf,
  draftOf,
  newRow,
  rebase,
  rowInputOf,
  vatTermsOf,
  withProduct,
} from '../../src/crm-quotes/quote-draft.ts';
import { vatPickOf } from '../../src/crm-quotes/quote-vat.ts';
import { product, quote } from './fixtures.ts';

describe('a quote opened for editing', () => {
  it('has nothing to save until something is edited', () => {
    expect(changesOf(quote(), draftOf(quote()))).toEqual({});
  });

  it('saves only the fields edited, the rows as a whole', () => {
    const draft = draftOf(quote());
    draft.comment = '  Delivery in 10 days  ';
    const [forklift, delivery] = draft.rows;
    if (!forklift || !delivery) throw new Error('two rows expected');
    draft.rows = [forklift, { ...delivery, discount: '' }];
    expect(changesOf(quote(), draft)).toEqual({
      comment: 'Delivery in 10 days',
      rows: [
        { productId: 'p1', name: 'Forklift FL-15', unit: 'pcs', quantity: 3.5, price: 1299.9, discount: 5.5 },
        { name: 'Delivery', unit: 'trip', quantity: 2, price: 500 },
      ],
    });
  });

  it('clears a date and the terms with null', () => {
    const stored = quote({ validUntil: '2026-06-30', comment: 'Prepayment' });
    const draft = { ...draftOf(stored), validUntil: '', comment: ' ' };
    expect(changesOf(stored, draft)).toEqual({ validUntil: null, comment: null });
  });
});

describe("a quote's VAT", () => {
  it('saves the rate picked and whether the prices include it', () => {
    const draft = { ...draftOf(quote()), vatRate: vatPickOf(22), vatIncluded: false };
    expect(changesOf(quote(), draft)).toEqual({ vatRate: 22, vatIncluded: false });
  });

  it('saves another rate as typed, and no VAT as null', () => {
    const stored = quote({ vatRate: 22, vatIncluded: true, vat: 937.6 });
    const other = { ...draftOf(stored), vatRate: { choice: 'other' as const, typed: '7,5' } };
    expect(changesOf(stored, other)).toEqual({ vatRate: 7.5 });
    expect(changesOf(stored, { ...draftOf(stored), vatRate: vatPickOf(null) })).toEqual({ vatRate: null });
  });

  it('has nothing to save when another rate is typed as the one saved', () => {
    const stored = quote({ vatRate: 22, vatIncluded: true, vat: 937.6 });
    const draft = { ...draftOf(stored), vatRate: { choice: 'other' as const, typed: 22 } };
    expect(changesOf(stored, draft)).toEqual({});
  });

  it('is what the totals are computed with while editing', () => {
    const draft = { ...draftOf(quote()), vatRate: vatPickOf(10), vatIncluded: false };
    expect(vatTermsOf(draft)).toEqual({ vatRate: 10, vatIncluded: false });
  });
});

describe('a row', () => {
  it('starts free, one piece in the unit of the quote’s language, without a price', () => {
    const row = newRow('ru');
    expect(row).toMatchObject({ productId: null, name: '', unit: 'шт.', quantity: 1, price: '' });
    expect(amountsOf(row)).toBeNull();
  });

  it('takes a picked product’s name, unit and price, keeping its quantity and discount', () => {
    const row = { ...newRow('en'), quantity: 4, discount: 5 };
    expect(withProduct(row, product(), 'RUB')).toMatchObject({
      productId: 'p2',
      name: 'Pallet truck',
      unit: 'pcs',
      price: 350,
      quantity: 4,
      discount: 5,
    });
  });

  it('leaves the price to be typed when the product is priced in another currency', () => {
    expect(withProduct(newRow('en'), product({ currency: 'USD' }), 'RUB').price).toBe('');
  });

  it('leaves out what is empty, for the server to say what is missing', () => {
    const row = { ...newRow('en'), name: 'Assembly', unit: ' ', quantity: '' };
    expect(rowInputOf(row)).toEqual({ name: 'Assembly', quantity: 0 });
  });

  it('reads numbers typed with a comma or spaces', () => {
    const row = { ...newRow('en'), quantity: '3,5', price: '1 299,90', discount: '5,5' };
    expect(amountsOf(row)).toEqual({ quantity: 3.5, price: 1299.9, discount: 5.5 });
  });
});

describe("a draft carried over to someone else's newer quote", () => {
  it('keeps what was edited here and takes the rest from theirs', () => {
    const mine = { ...draftOf(quote()), comment: 'Prepayment 50 %' };
    const theirs = quote({ version: 4, language: 'ru', validUntil: '2026-07-01', vatRate: 22, vat: 937.6 });
    const rebased = rebase(mine, quote(), theirs);
    expect(rebased).toMatchObject({
      comment: 'Prepayment 50 %',
      language: 'ru',
      validUntil: '2026-07-01',
      vatRate: vatPickOf(22),
    });
    expect(changesOf(theirs, rebased)).toEqual({ comment: 'Prepayment 50 %' });
  });
});
