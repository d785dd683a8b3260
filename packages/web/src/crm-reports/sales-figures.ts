import { formatMoney } from '../crm/money.ts';

/** Sums in several currencies, the largest first ("RUB 150,000, USD 2,000"); nothing is "—". */
export function amountsText(amounts: Record<string, number>, language: string): string {
  const sums = Object.entries(amounts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (sums.length === 0) return '—';
  return sums.map(([currency, amount]) => formatMoney(amount, currency, language)).join(', ');
}

/** A share as a whole per cent in the language ("67%", "67 %"); none (nothing closed) is "—". */
export function percentText(share: number | null, language: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
