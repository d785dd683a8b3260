import { csvOf } from '../crm-import/import-spec.ts';

/**
 * The columns of a supplier's price list file, as the server reads them (any letter case): `sku` and
 * `price` in every row, `name` for an article the list does not have yet.
 */
export const PRICE_COLUMNS = [
  { name: 'sku', required: true },
  { name: 'name', required: false },
  { name: 'unit', required: false },
  { name: 'price', required: true },
  { name: 'currency', required: false },
] as const;

const SAMPLE_ROWS = [
  ['M8-40', 'Bolt M8×40', 'pcs', '12,50', 'RUB'],
  ['W-8', 'Washer 8 mm', 'pcs', '1,20', ''],
];

/** A sample price list: the header and two articles. */
export const samplePrices = (): string => csvOf([PRICE_COLUMNS.map((c) => c.name), ...SAMPLE_ROWS]);
