import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../crm/money.ts';
import { formatPercent } from './percent.ts';
import type { TotalLine } from './quote-total.ts';

/** What the client pays, in bold among the lines. */
const PAID: ReadonlySet<TotalLine['line']> = new Set(['total', 'totalWithVat']);

/**
 * The lines under a quote's rows, worded as its PDF has them: "Total" with the VAT it includes, or the
 * sum before VAT, the VAT and the total with it. `live`: they follow what is typed, announced as they change.
 */
export function QuoteTotals(props: { lines: readonly TotalLine[]; currency: string; live?: boolean }) {
  const { t, i18n } = useTranslation('quotes');
  return (
    <Stack gap={2} align="flex-end" role={props.live ? 'status' : undefined}>
      {props.lines.map((l) => (
        <Text key={l.line} size={PAID.has(l.line) ? 'md' : 'sm'} fw={PAID.has(l.line) ? 700 : 400} ta="right">
          {t(`totals.${l.line}`, {
            amount: formatMoney(l.amount, props.currency, i18n.language),
            rate: 'rate' in l ? formatPercent(l.rate, i18n.language) : undefined,
          })}
        </Text>
      ))}
    </Stack>
  );
}
