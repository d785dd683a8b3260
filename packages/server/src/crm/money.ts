import { z } from 'zod';

/** Amounts are kept in minor units (kopecks, cents): sums stay exact. */
const MAX_AMOUNT = 1e13;

export const amountField = z
  .number()
  .min(-MAX_AMOUNT)
  .max(MAX_AMOUNT)
  .refine((a) => Math.abs(a * 100 - Math.round(a * 100)) < 1e-6, 'at most two decimal places')
  .describe('The amount, up to two decimal places');

export const currencyField = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as RUB')
  .describe('ISO 4217 currency code');

export const toMinor = (amount: number): number => Math.round(amount * 100);
export const fromMinor = (minor: number): number => minor / 100;

export const DEFAULT_CURRENCY = 'RUB';
