/** The currencies a deal is offered in; the server takes any ISO 4217 code, deals start in roubles. */
export const CURRENCIES = ['RUB', 'USD', 'EUR', 'CNY', 'KZT', 'BYN'] as const;
export const DEFAULT_CURRENCY = 'RUB';

const fractionDigits = (amount: number) => (Number.isInteger(amount) ? 0 : 2);

/**
 * An amount in its currency in the interface language: "150 000 ₽", "RUB 150,000", "USD 1,250.50".
 * Whole amounts drop the ",00"; a code Intl does not know is written after the number.
 */
export function formatMoney(amount: number, currency: string, language: string): string {
  const digits = fractionDigits(amount);
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${formatAmount(amount, language)} ${currency}`;
  }
}

/** A number with the language's grouping and at most two decimals: "150,000", "150 000,5". */
export function formatAmount(amount: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: fractionDigits(amount),
    maximumFractionDigits: 2,
  }).format(amount);
}
