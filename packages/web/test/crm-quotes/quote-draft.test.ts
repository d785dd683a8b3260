import { describe, expect, it } from 'vitest';
import {
  amountsOf,
  changesOf,
  draftOf,
  newRow,
  rebase,
  rowInputOf,
  withProduct,
} from '../../src/crm-quotes/quote-draft.ts';
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
    const theirs = quote({ version: 4, language: 'ru', validUntil: '2026-07-01' });
    const rebased = rebase(mine, quote(), theirs);
    expect(rebased).toMatchObject({ comment: 'Prepayment 50 %', language: 'ru', validUntil: '2026-07-01' });
    expect(changesOf(theirs, rebased)).toEqual({ comment: 'Prepayment 50 %' });
  });
});
