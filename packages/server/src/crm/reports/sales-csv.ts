import { csvLine } from '../../reports/csv.ts';
import type { Amounts, SalesReport } from './sales-report.ts';

/** The sales report one manager per line (a column per currency), for BI tools. */
export function salesCsv(report: SalesReport): string {
  const currencies = [
    ...new Set(report.people.flatMap((p) => [...Object.keys(p.wonAmounts), ...Object.keys(p.openAmounts)])),
  ].sort();
  const per = (label: string) => currencies.map((c) => `${label} ${c}`);
  const header = [
    'userId',
    'name',
    'created',
    'won',
    'lost',
    'winRate',
    'medianDaysToWin',
    ...per('won'),
    'open',
    ...per('open'),
    'stageMoves',
    'quotesSent',
    'quotesAccepted',
    'activitiesDone',
    'lettersSent',
  ];
  const sums = (a: Amounts) => currencies.map((c) => a[c] ?? 0);
  const lines = report.people.map((p) =>
    csvLine([
      p.userId,
      p.name,
      p.created,
      p.won,
      p.lost,
      p.winRate === null ? null : Math.round(p.winRate * 10_000) / 10_000,
      p.medianDaysToWin,
      ...sums(p.wonAmounts),
      p.open,
      ...sums(p.openAmounts),
      p.stageMoves,
      p.quotesSent,
      p.quotesAccepted,
      p.activitiesDone,
      p.lettersSent,
    ]),
  );
  return `\uFEFF${csvLine(header)}${lines.join('')}`;
}
