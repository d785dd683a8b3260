import { describe, expect, it } from 'vitest';
import { PRICE_COLUMNS, samplePrices } from '../../src/crm-catalog/price-columns.ts';

describe('a sample price list', () => {
  it('has the columns the server reads, then two articles with a price each', () => {
    const [header, ...rows] = samplePrices().split('\r\n');
    expect(header).toBe('sku;name;unit;price;currency');
    expect(rows).toHaveLength(2);
    const price = PRICE_COLUMNS.findIndex((c) => c.name === 'price');
    for (const row of rows) expect(row.split(';')[price]).toMatch(/^\d+,\d\d$/);
  });

  it('needs the article and the price in every row', () => {
    expect(PRICE_COLUMNS.filter((c) => c.required).map((c) => c.name)).toEqual(['sku', 'price']);
  });
});
